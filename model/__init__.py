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
