"""The rule model of social media work: pure Python, no Streamlit.

    from model import load_catalog, Scenario, simulate
    plan = simulate(Scenario(team_size=3, budget_sek=1_500_000), load_catalog())
"""

from .assumptions import (
    BASE,
    ESTIMATE,
    GUIDANCE_ESTIMATE,
    SQRT,
    TABLE_IDS,
    VALUE,
    AssumptionError,
    Cell,
    Change,
    Sensitivity,
    Table,
    apply_edits,
    assumption_tables,
    differences,
    import_yaml,
    sensitivity,
)
from .briefs import Brief, Supplier, briefs, readiness
from .catalog import Catalog, Rule, build_catalog, fill_template, load_catalog, load_catalog_text
from .continuity import Absence, Bought, Continuity, Cover, SinglePoint, continuity, july_test
from .declined import Declined, declined_agencies
from .engine import simulate
from .errors import PLACE, CatalogError, Problem, ScenarioError
from .goalseek import GoalSeek, for_plan, least_cost
from .orgcompare import ModelPlan, compare_models
from .orgmodels import OrgModel, demand_factors, is_spoke_seat, org_models, spoke_seats
from .plan import SEVERITY_ORDER, Assignment, Cost, Finding, Person, Plan, RetainerUse
from .raci import Party, RaciLine, parties, raci
from .reply import ReplyDelivery, ReplyNeed
from .reply import delivery as reply_delivery
from .roledesc import Duty, RoleDescription, role_descriptions
from .rules import KINDS, summary_values
from .scenario import FIELD_SPECS, MAX_RETAINERS, SPECS, Retainer, Scenario
from .tradeoffs import (
    BUDGET_LIMITS,
    TEAM_LIMITS,
    Move,
    Strategy,
    Sweep,
    SweepPoint,
    best_mix,
    budget_grid,
    frontier,
    next_moves,
    point_of,
    strategies,
    sweep,
)
from .uncertainty import Band, Uncertainty, Wins, load_ranges, uncertainty, wins
from .vocab import CAPABILITIES, MARKETING_LEAD_SEAT, PROVIDERS, ROLES, VOLUNTEER_SEAT

__all__ = [
    "Absence", "Bought", "Continuity", "Cover", "ReplyDelivery", "ReplyNeed", "SinglePoint", "continuity",
    "july_test", "reply_delivery", "Brief", "Supplier", "briefs", "readiness", "Duty", "RoleDescription",
    "role_descriptions", "ModelPlan", "compare_models", "OrgModel", "demand_factors", "is_spoke_seat",
    "org_models", "spoke_seats", "Band", "Uncertainty", "Wins", "load_ranges", "uncertainty", "wins",
    "BASE", "BUDGET_LIMITS", "CAPABILITIES", "ESTIMATE", "FIELD_SPECS", "GUIDANCE_ESTIMATE", "KINDS",
    "MARKETING_LEAD_SEAT", "MAX_RETAINERS", "PLACE", "PROVIDERS", "ROLES", "SEVERITY_ORDER", "SPECS",
    "SQRT", "TABLE_IDS", "TEAM_LIMITS", "VALUE", "VOLUNTEER_SEAT", "Assignment", "AssumptionError",
    "Catalog", "CatalogError", "Cell", "Change", "Cost", "Declined", "Finding", "GoalSeek", "Move",
    "Party", "Person", "Plan", "Problem", "RaciLine", "Retainer", "RetainerUse", "Rule", "Scenario",
    "ScenarioError", "Sensitivity", "Strategy", "Sweep", "SweepPoint", "Table", "apply_edits",
    "assumption_tables", "best_mix", "budget_grid", "build_catalog", "declined_agencies", "differences",
    "fill_template", "for_plan", "frontier", "import_yaml", "least_cost", "load_catalog",
    "load_catalog_text", "next_moves", "parties", "point_of", "raci", "sensitivity", "simulate",
    "strategies", "summary_values", "sweep",
]
