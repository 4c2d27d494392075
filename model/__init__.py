"""The rule model of social media work: pure Python, no Streamlit.

    from model import load_catalog, Scenario, simulate
    plan = simulate(Scenario(team_size=3, budget_sek=1_500_000), load_catalog())
"""

from .catalog import Catalog, build_catalog, load_catalog, load_catalog_text
from .engine import simulate
from .errors import CatalogError, ScenarioError
from .plan import Assignment, Cost, Finding, Person, Plan
from .scenario import FIELD_SPECS, Scenario

__all__ = [
    "FIELD_SPECS", "Assignment", "Catalog", "CatalogError", "Cost", "Finding", "Person", "Plan",
    "Scenario", "ScenarioError", "build_catalog", "load_catalog", "load_catalog_text", "simulate",
]
from .tradeoffs import Move, Strategy, Sweep, SweepPoint, frontier, next_moves, strategies, sweep  # noqa: E402, I001
__all__ += ["Move", "Strategy", "Sweep", "SweepPoint", "frontier", "next_moves", "strategies", "sweep"]
from .raci import RaciLine, raci, raci_frame, raci_matrix  # noqa: E402, I001
__all__ += ["RaciLine", "raci", "raci_frame", "raci_matrix"]
from .assumptions import AssumptionError, apply_edits, assumption_tables, import_yaml, sensitivity  # noqa: E402, I001
__all__ += ["AssumptionError", "apply_edits", "assumption_tables", "import_yaml", "sensitivity"]
