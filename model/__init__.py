"""The rule model of social media work: pure Python, no Streamlit.

    from model import load_catalog, Scenario, simulate
    plan = simulate(Scenario(team_size=3, budget_sek=1_500_000), load_catalog())
"""

from .assumptions import AssumptionError, apply_edits, assumption_tables, import_yaml, sensitivity
from .catalog import Catalog, build_catalog, load_catalog, load_catalog_text
from .engine import simulate
from .errors import CatalogError, ScenarioError
from .plan import Assignment, Cost, Finding, Person, Plan
from .raci import RaciLine, raci
from .scenario import FIELD_SPECS, Scenario
from .tradeoffs import Move, Strategy, Sweep, SweepPoint, frontier, next_moves, strategies, sweep

__all__ = [
    "FIELD_SPECS", "AssumptionError", "Assignment", "Catalog", "CatalogError", "Cost", "Finding", "Move",
    "Person", "Plan", "RaciLine", "Scenario", "ScenarioError", "Strategy", "Sweep", "SweepPoint",
    "apply_edits", "assumption_tables", "build_catalog", "frontier", "import_yaml", "load_catalog",
    "load_catalog_text", "next_moves", "raci", "sensitivity", "simulate",
    "strategies", "sweep",
]
