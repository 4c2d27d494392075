"""The numbers of the knowledge base (data/*.yaml), each declared once: its file, its key, whether
it is whole, its bounds and its unit — in the style of cfgv's schemas.

model/catalog.py's reader checks every one of them against these bounds, and the Assumptions
editor (model/assumptions) offers and allows exactly the same, so the two cannot drift apart:

    spec = NUMBERS[("roles", "pay_sek_month")]      # Number(low=0.0, high=1_000_000.0, ...)
    low, high = bounds("settings", "primary_fit", at_least=min_fit)

A key naming a mapping of capabilities (`fit`, `priority`, `volunteer_fit`) declares the bounds of
each value in it; `terms.hours` is the hours of each term of a demand entry; `tranches.share`
and `tranches.bonus` the two numbers of each tranche. The numeric parameters of rules are declared
by their kind (model/rules.py `Param`); `param_high` gives their upper bound (the lower is 0).
Units are codes (ui/ words them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .scenario import SPECS

MAX_RETAINER_SEK_MONTH = 5_000_000.0  # a quarter of the largest budget a year, every month


@dataclass(frozen=True)
class Number:
    """One number of the knowledge base: where it is and what it may be."""

    section: str  # the file of data/ (and the section of an uploaded set)
    key: str  # its key in an entry of that file (for settings: the setting, whose `value` it is)
    low: float
    high: float
    unit: str  # a unit code
    kind: str = "float"  # "float" | "int"
    optional: bool = False  # may be left blank (left out of the YAML): not set, or a default taken
    at_least: str | None = None  # another number of the section that is its lower bound

    @property
    def whole(self) -> bool:
        return self.kind == "int"


SCHEMA: tuple[Number, ...] = (
    Number("roles", "pay_sek_month", 0.0, 1_000_000.0, "sek_month"),
    Number("roles", "capacity_hours", 0.0, 80.0, "h_week"),
    Number("roles", "employer_cost_multiplier", 1.0, 3.0, "factor", optional=True),  # default: settings
    Number("roles", "fit", 0.0, 1.0, "fit", optional=True),  # a capability left out: not done at all
    Number("providers", "rate_sek_hour", 1.0, 100_000.0, "sek_hour"),
    Number("providers", "min_retainer_sek_month", 0.0, MAX_RETAINER_SEK_MONTH, "sek_month"),  # left out: 0
    Number("providers", "max_hours_week", 0.0, 168.0, "h_week", optional=True),  # left out: no limit
    Number("providers", "fit", 0.0, 1.0, "fit", optional=True),  # a capability left out: not offered
    Number("demand", "base_hours", 0.0, 168.0, "h_week"),
    Number("demand", "terms.hours", 0.0, 100.0, "h_week"),  # the unit is per driver (the tables say)
    Number("settings", "employer_cost_multiplier", 1.0, 3.0, "factor"),
    Number("settings", "weeks_per_year", 1.0, 52.0, "weeks"),
    Number("settings", "min_fit", 0.0, 1.0, "fit"),
    Number("settings", "primary_fit", 0.0, 1.0, "fit", at_least="min_fit"),
    Number("settings", "strong_fit", 0.0, 1.0, "fit"),
    Number("settings", "priority", 0.0, 10.0, "points_h"),
    Number("settings", "cost_tiebreak", 0.0, 1e-5, "points_sek"),
    Number("settings", "spend_weight", 0.0, 1e-4, "points_sek"),
    Number("settings", "tranches.share", 0.0, 1.0, "share"),
    Number("settings", "tranches.bonus", 0.0, 10.0, "points_h"),
    Number("settings", "volunteer_fit", 0.0, 1.0, "fit"),
    Number("reply", "check_minutes", 0.0, 120.0, "minutes"),
    Number("reply", "rota_hours", 1.0, 168.0, "h_week"),
    Number("reply", "reply_hours", 0.25, 168.0, "hours"),  # the baseline promise and those offered
    Number("reply", "days", 1.0, 7.0, "days", kind="int"),
    Number("reply", "hours", 0.5, 24.0, "hours"),
)
NUMBERS: dict[tuple[str, str], Number] = {(spec.section, spec.key): spec for spec in SCHEMA}


def bounds(section: str, key: str, *, at_least: float | None = None) -> tuple[float, float]:
    """(low, high) of a declared number; `at_least`: the value of the number its `at_least` names."""
    spec = NUMBERS[(section, key)]
    low = spec.low if at_least is None or spec.at_least is None else max(spec.low, at_least)
    return low, spec.high


# ---- the numeric parameters of rules -------------------------------------------------------------
PARAM_LOW = 0.0
PARAM_HIGH: dict[str, float] = {  # numeric rule parameters by type, where the kind declares no bound
    "fraction": 1.0, "hours": 168.0, "penalty": 100.0, "count": 1_000_000.0, "number": 1e9,
}


def param_high(param: Any, params: dict[str, Any]) -> float | None:
    """The largest value a numeric rule parameter (a model.rules.Param) may take (None: not a number).
    A threshold on a scenario field takes that field's range; else the kind's bound or its type's."""
    if param.type not in PARAM_HIGH:
        return None
    if param.of:
        driver = params.get(param.of)
        spec = SPECS.get(driver) if isinstance(driver, str) else None
        if spec is not None and spec.high is not None:
            return float(spec.high)
    return param.high if param.high is not None else PARAM_HIGH[param.type]
