"""Every number behind a plan as a table a client can question and change.

A Catalog's raw documents are shown as plain tables, one per concept: pay and capacity,
external providers, demand coefficients, global settings, the fit of roles and providers to each
capability, and the numeric rule parameters. Each cell is one assumption with its unit, its
source (or "estimate") and where it lives in the YAML schema of data/.

Edits go back into a copy of the raw documents and through `build_catalog`, so the catalog's own
validation decides what is allowed; its errors come back as `AssumptionError` naming the table,
the row and the column. `sensitivity` shows which assumptions move coverage and cost most.

    tables = assumption_tables(catalog)
    edited = apply_edits(catalog, "pay", {("social_media_manager", "pay_sek_month"): 50_000})
    report = sensitivity(Scenario(), edited)
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import fmt
from .catalog import (
    DATA_DIR,
    MAX_RETAINER_SEK_MONTH,
    Catalog,
    build_catalog,
    load_catalog_text,
    param_high,
)
from .engine import simulate
from .errors import CatalogError
from .rules import FIELD, KINDS, Param
from .scenario import SPECS, Scenario
from .vocab import CAPABILITIES
from .yamlsafe import YamlProblem, decode_text, load_text

Text = dict[str, str]  # {"en": ..., "sv": ...}
CellKey = tuple[str, str, str]  # (table, row, column)
ORIGIN = "assumptions"
ESTIMATE = "estimate"
MAX_IMPORT_BYTES = 1024 * 1024  # data/ as one document is about 35 KB
PARAM_LABELS_FILE = DATA_DIR / "rule_labels.yaml"


def _tx(en: str, sv: str) -> Text:
    return {"en": en, "sv": sv}


def text(value: Text | None, lang: str = "en") -> str:
    """A translated text in `lang` (English when missing)."""
    if not value:
        return ""
    return value.get(lang) or value.get("en", "")


# ---- what the tables hold ---------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """A value column. unit is None in long tables, where each row has its own unit."""

    key: str
    label: Text
    unit: Text | None = None
    note: Text | None = None  # the column's source when it is the same for every row


@dataclass(frozen=True)
class Row:
    id: str
    name: Text
    source: str
    unit: Text | None = None  # long tables only


@dataclass(frozen=True)
class Cell:
    """One assumption: a number in the knowledge base, where it lives and what it means."""

    table: str
    row: str
    column: str
    value: float | None  # None: not set (an optional cell left blank)
    unit: Text
    source: str
    kind: str  # money | rate | hours | fraction | factor | weeks | count | number
    low: float
    high: float | None
    optional: bool  # blank allowed: the key is then left out of the YAML
    path: tuple  # (section, (id_key, ident) or None, *keys) into the raw documents
    table_title: Text
    row_name: Text
    column_label: Text

    @property
    def key(self) -> CellKey:
        return (self.table, self.row, self.column)

    def label(self, lang: str = "en") -> str:
        """'Social Media Manager · Pay' (the column is left out of long tables' 'Value')."""
        if self.column == "value":
            return text(self.row_name, lang)
        return f"{text(self.row_name, lang)} · {text(self.column_label, lang)}"

    def where(self, lang: str = "en") -> str:
        """Table, row and column, for messages."""
        table, row, column = (text(self.table_title, lang), text(self.row_name, lang),
                              text(self.column_label, lang))
        if lang == "sv":
            return f"tabell \u201d{table}\u201d, rad \u201d{row}\u201d, kolumn \u201d{column}\u201d"
        return f"table \u201c{table}\u201d, row \u201c{row}\u201d, column \u201c{column}\u201d"


@dataclass(frozen=True)
class Table:
    id: str
    title: Text
    description: Text
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: dict[tuple[str, str], Cell]  # (row, column) -> cell
    long: bool  # one value per row, with a unit column
    source_columns: tuple[str, ...] = ()  # value columns whose cell sources get their own column

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[(row, column)]

    def to_frame(self, lang: str = "en"):
        """The table as a pandas DataFrame: id, name, the value columns (floats, NaN for blank),
        then unit (long tables) and source."""
        import pandas as pd

        records = []
        for row in self.rows:
            record: dict[str, Any] = {"id": row.id, "name": text(row.name, lang)}
            for column in self.columns:
                cell = self.cells.get((row.id, column.key))
                value = None if cell is None else cell.value
                record[column.key] = math.nan if value is None else float(value)
            if self.long:
                record["unit"] = text(row.unit, lang)
            record["source"] = row.source
            for key in self.source_columns:
                cell = self.cells.get((row.id, key))
                record[f"{key}_source"] = cell.source if cell else ""
            records.append(record)
        names = ["id", "name", *(column.key for column in self.columns)]
        names += ["unit"] if self.long else []
        names += ["source", *(f"{key}_source" for key in self.source_columns)]
        frame = pd.DataFrame.from_records(records, columns=names)
        for column in self.columns:
            frame[column.key] = frame[column.key].astype("float64")
        return frame

    def edits_from_frame(self, frame) -> dict[tuple[str, str], Any]:
        """The cells whose value in `frame` (as a data editor returns it) differs from the table.

        Rows are matched by position (the editor keeps the row count fixed) and checked by id.
        Values are passed on as given (text, NaN, None): `apply_edits` judges them.
        """
        edits: dict[tuple[str, str], Any] = {}
        if frame is None or len(frame) != len(self.rows):
            return edits
        for position, row in enumerate(self.rows):
            for column in self.columns:
                if column.key not in frame.columns:
                    continue
                cell = self.cells.get((row.id, column.key))
                if cell is None:
                    continue
                new = frame[column.key].iloc[position]
                if not _same(new, cell.value):
                    edits[(row.id, column.key)] = new
        return edits


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, str | bytes) else False
    except (TypeError, ValueError, ImportError):
        return False


def _same(new: Any, old: float | None) -> bool:
    if _is_blank(new):
        return old is None
    if old is None or isinstance(new, bool | str | bytes):
        return False
    try:
        return float(new) == float(old)
    except (TypeError, ValueError, OverflowError):
        return False


class AssumptionError(ValueError):
    """An edit or an import was refused. Names the table, row and column where it can."""

    def __init__(self, problem: str, cell: Cell | None = None, *, detail: str = "",
                 other: Cell | None = None):
        self.problem = problem
        self.cell = cell
        self.other = other  # the cell that became invalid through an edit of `cell`
        self.detail = detail  # where in the YAML (file, entry, key), when known
        super().__init__(self.message("en"))

    @property
    def table(self) -> str | None:
        return self.cell.table if self.cell else None

    @property
    def row(self) -> str | None:
        return self.cell.row if self.cell else None

    @property
    def column(self) -> str | None:
        return self.cell.column if self.cell else None

    def message(self, lang: str = "en") -> str:
        parts = []
        if self.cell is not None:
            where = self.cell.where(lang)
            parts.append(where[0].upper() + where[1:])
        if self.other is not None and self.other.key != (self.cell.key if self.cell else None):
            parts.append(("gör " if lang == "sv" else "makes ") + self.other.where(lang)
                         + (" ogiltig" if lang == "sv" else " invalid"))
        head = ", ".join(parts)
        body = problem_text(self.problem, lang) + (f" ({self.detail})" if self.detail else "")
        return f"{head}: {body}" if head else body


_BRACED = re.compile(r"(\{[^{}]*\})")
_NUMBER = re.compile(r"(?<!\w)(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?!\w)")
_PROBLEMS_SV: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(pattern), sv) for pattern, sv in (
    (r"^expected a number within (.+?)\.\.(.+?), got (.+)$", r"ett tal mellan \1 och \2 krävs, fick \3"),
    (r"^expected a number >= (.+?), got (.+)$", r"ett tal större än eller lika med \1 krävs, fick \2"),
    (r"^expected a finite number, got (.+)$", r"ett ändligt tal krävs, fick \1"),
    (r"^expected a whole number, got (.+)$", r"ett heltal krävs, fick \1"),
    (r"^expected a number, got (.+)$", r"ett tal krävs, fick \1"),
    (r"^a number is required \(the cell is empty\)$", "ett tal krävs (cellen är tom)"),
))


def problem_text(problem: str, lang: str = "en") -> str:
    """The catalog's problem text for people: 1e+06 written out, common problems in Swedish."""
    def spell(match: re.Match) -> str:
        token, number = match[1], float(match[1])
        long = "e" in token or len(token) >= 5
        return fmt.number(number, lang) if long and number.is_integer() and abs(number) < 1e15 else token

    parts = _BRACED.split(problem)  # a placeholder quoted in a problem is shown as written
    out = "".join(part if index % 2 else _NUMBER.sub(spell, part) for index, part in enumerate(parts))
    if lang == "sv":
        for pattern, replacement in _PROBLEMS_SV:
            if pattern.match(out):
                return pattern.sub(replacement, out)
    return out


# ---- labels and units ---------------------------------------------------------------------------
TABLE_TITLES: dict[str, Text] = {
    "pay": _tx("Pay and capacity", "Lön och kapacitet"),
    "providers": _tx("Agency and freelance rates", "Byrå- och frilanspriser"),
    "demand": _tx("Demand coefficients", "Efterfrågekoefficienter"),
    "settings": _tx("Settings", "Inställningar"),
    "role_fit": _tx("Role fit", "Rollers matchning"),
    "provider_fit": _tx("Provider fit", "Leverantörers matchning"),
    "rules": _tx("Rule parameters", "Regelparametrar"),
}
TABLE_IDS: tuple[str, ...] = tuple(TABLE_TITLES)
TABLE_DESCRIPTIONS: dict[str, Text] = {
    "pay": _tx("Gross monthly pay and the hours a full-time seat gives to social work each week. "
               "The fully loaded cost adds the employer cost multiplier (Settings, or a role's own).",
               "Bruttolön per månad och de timmar i veckan en heltidstjänst ger arbetet i sociala "
               "medier. Den fullt belastade kostnaden lägger på arbetsgivarpåslaget (Inställningar, "
               "eller rollens eget)."),
    "providers": _tx("Hourly fees, the minimum monthly retainer below which an agency will not take the "
                     "job, and the hours a freelancer can give one client each week (blank = no limit).",
                     "Timpris, den lägsta månadsersättning under vilken en byrå inte tar uppdraget, och de "
                     "timmar i veckan en frilansare kan ge en kund (tomt = ingen gräns)."),
    "demand": _tx("Hours per week of each capability = base hours + the sum of each coefficient times its "
                  "workload driver in the sidebar.",
                  "Timmar per vecka för varje kapabilitet = grundtimmar + summan av varje koefficient gånger "
                  "sin drivare i sidopanelen."),
    "settings": _tx("Global figures: employer cost, working weeks, and the fit thresholds the assignment "
                    "uses (below the minimum fit nobody is trusted with a capability; from the primary fit "
                    "a role takes it before anything is bought).",
                    "Globala värden: arbetsgivarkostnad, arbetsveckor och matchningsgränserna som "
                    "tilldelningen använder (under lägsta matchning anförtros ingen en kapabilitet; från "
                    "primär matchning tar en roll den innan något köps in)."),
    "role_fit": _tx("How well each role does each capability, 0 to 1 (blank = not at all).",
                    "Hur väl varje roll utför varje kapabilitet, 0 till 1 (tomt = inte alls)."),
    "provider_fit": _tx("How well each agency or freelancer does each capability, 0 to 1 "
                        "(blank = not offered).",
                        "Hur väl varje byrå eller frilansare utför varje kapabilitet, 0 till 1 "
                        "(tomt = erbjuds inte)."),
    "rules": _tx("The thresholds of the guidance rules: they decide when a finding is raised, and some "
                 "steer the assignment (what is kept in-house, what is bought first).",
                 "Gränsvärdena i vägledningens regler: de avgör när en iakttagelse visas, och några styr "
                 "tilldelningen (vad som behålls internt, vad som köps in först)."),
}

VALUE = _tx("Value", "Värde")
UNITS: dict[str, Text] = {
    "sek_month": _tx("SEK/month", "kr/månad"),
    "sek_hour": _tx("SEK/hour", "kr/timme"),
    "h_week": _tx("h/week", "h/vecka"),
    "fit": _tx("fit 0–1", "matchning 0–1"),
    "share": _tx("share 0–1", "andel 0–1"),
    "factor": _tx("× gross pay", "× bruttolön"),
    "weeks": _tx("weeks/year", "veckor/år"),
    "count": _tx("count", "antal"),
    "h_per_h": _tx("h per bought hour", "h per köpt timme"),
    "employees": _tx("employees", "anställda"),
    "utilisation": _tx("share of capacity", "andel av kapaciteten"),
    "sek_year": _tx("SEK/year", "kr/år"),
    "points_h": _tx("points per hour (1 = an hour of work at fit 1)",
                    "poäng per timme (1 = en timmes arbete med matchning 1)"),
}
SETTINGS: dict[str, tuple[Text, str, str, float, float]] = {  # label, unit, kind, low, high
    "employer_cost_multiplier": (_tx("Employer cost multiplier", "Arbetsgivarpåslag"), "factor",
                                 "factor", 1.0, 3.0),
    "weeks_per_year": (_tx("Working weeks per year", "Arbetsveckor per år"), "weeks", "weeks", 1.0, 52.0),
    "min_fit": (_tx("Minimum fit", "Lägsta matchning"), "fit", "fraction", 0.0, 1.0),
    "primary_fit": (_tx("Primary fit", "Primär matchning"), "fit", "fraction", 0.0, 1.0),
    "strong_fit": (_tx("Specialist fit", "Specialistmatchning"), "fit", "fraction", 0.0, 1.0),
}
CAPACITY_SOURCE = "estimate: 40 h less about 15 % for internal meetings, admin and training"
FIT_SOURCE = "estimate, after the seed post's role lists"
PROVIDER_FIT_SOURCE = "estimate"
MAX_HOURS_SOURCE = "estimate"

DRIVERS: dict[str, tuple[Text, Text]] = {  # driver -> (row label suffix, unit)
    "channels": (_tx("per channel", "per kanal"), _tx("h/week per channel", "h/vecka per kanal")),
    "posts_per_week": (_tx("per post", "per inlägg"), _tx("h per post", "h per inlägg")),
    "image_posts": (_tx("per image post", "per bildinlägg"), _tx("h per image post", "h per bildinlägg")),
    "video_posts": (_tx("per video post", "per videoinlägg"), _tx("h per video post", "h per videoinlägg")),
    "inbound_per_week": (_tx("per message", "per meddelande"), _tx("h per message", "h per meddelande")),
    "ad_spend_10k": (_tx("per 10,000 SEK/month of ads", "per 10 000 kr/månad i annonser"),
                     _tx("h/week per 10,000 SEK/month", "h/vecka per 10 000 kr/månad")),
    "influencers": (_tx("per influencer", "per influencer"),
                    _tx("h/week per influencer", "h/vecka per influencer")),
}
SQRT_DRIVERS: dict[str, tuple[Text, Text]] = {
    "ad_spend_10k": (_tx("× √(ad spend / 10,000 SEK a month)", "× √(annonsbudget / 10 000 kr i månaden)"),
                     _tx("h/week × √(SEK/month ÷ 10,000)", "h/vecka × √(kr/månad ÷ 10 000)")),
}


def _humanise(ident: str) -> str:
    words = ident.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def read_param_labels(path: Path = PARAM_LABELS_FILE) -> dict[str, Text]:
    """The labels of rule parameters by the label key their kind declares (model/rules.py Param),
    from data/rule_labels.yaml: texts of the app, not assumptions (no upload carries them)."""
    try:
        doc = load_text(path.read_bytes())
    except (OSError, YamlProblem) as problem:
        raise CatalogError(str(path), None, None, str(problem)) from None
    labels = doc.get("labels") if isinstance(doc, dict) else None
    if not isinstance(labels, dict):
        raise CatalogError(str(path), None, "labels", "expected a mapping of label keys to en and sv texts")
    for key, value in labels.items():
        if not (isinstance(value, dict) and set(value) == {"en", "sv"}
                and all(isinstance(item, str) and item.strip() for item in value.values())):
            raise CatalogError(str(path), str(key)[:60], None, "expected non-empty en and sv texts")
    return {str(key): {"en": value["en"], "sv": value["sv"]} for key, value in labels.items()}


PARAM_LABELS: dict[str, Text] = read_param_labels()
CELL_KINDS = {"fraction": "fraction", "hours": "hours", "count": "count", "number": "number",
              "penalty": "number"}  # the cell kind of a numeric rule parameter by its type
FIELD_UNITS: dict[str, Text] = {  # a threshold on a scenario field: the field's unit
    "ad_spend_sek_month": UNITS["sek_month"],
    "influencers": _tx("influencers", "influencers"),
}


def param_label(param: Param, name: str) -> Text:
    """A rule parameter's label, from the label key its kind declares."""
    return PARAM_LABELS.get(param.label or "") or _tx(_humanise(name), _humanise(name))


def _param_unit(param: Param, params: Mapping[str, Any]) -> tuple[Text, str]:
    """(unit, cell kind) of a numeric rule parameter, from its kind's declaration."""
    if param.unit == FIELD:  # a threshold on a scenario field: in that field's unit
        driver = params.get(param.of or "")
        spec = SPECS.get(driver) if isinstance(driver, str) else None
        if spec is not None and spec.kind == "float" and spec.high == 1:
            return UNITS["share"], "fraction"
        if driver in FIELD_UNITS:
            return FIELD_UNITS[driver], "number"
        return _tx(spec.unit if spec else "value", spec.unit if spec else "värde"), "number"
    return UNITS.get(param.unit or "", _tx("value", "värde")), CELL_KINDS[param.type]


def _demand_row_ids(capability: str, terms: Any) -> list[str]:
    """Row ids of a demand entry's terms: '<capability>.<driver>', numbered when repeated."""
    ids: list[str] = []
    for index, term in enumerate(terms if isinstance(terms, list) else []):
        driver = term.get("driver") if isinstance(term, dict) else None
        ident = f"{capability}.{driver}"
        ids.append(ident if ident not in ids else f"{ident}.{index + 1}")
    return ids


# ---- building the tables --------------------------------------------------------------------------
class _Builder:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.raw = catalog.raw

    def table(self, table_id: str, columns: list[Column], rows: list[Row], cells: list[Cell],
              long: bool = False, source_columns: tuple[str, ...] = ()) -> Table:
        return Table(table_id, TABLE_TITLES[table_id], TABLE_DESCRIPTIONS[table_id], tuple(columns),
                     tuple(rows), {(cell.row, cell.column): cell for cell in cells}, long, source_columns)

    @staticmethod
    def cell(table: str, row: Row, column: Column, value: Any, *, unit: Text, source: str, kind: str,
             low: float, high: float | None, path: tuple, optional: bool = False) -> Cell:
        number = None if value is None else float(value)
        return Cell(table, row.id, column.key, number, unit, source, kind, low, high, optional, path,
                    TABLE_TITLES[table], row.name, column.label)

    def pay(self) -> Table:
        mult_source = str(self.raw["settings"]["settings"]["employer_cost_multiplier"].get("source", ""))
        columns = [
            Column("pay_sek_month", _tx("Pay", "Lön"), UNITS["sek_month"]),
            Column("capacity_hours", _tx("Capacity", "Kapacitet"), UNITS["h_week"],
                   _tx(CAPACITY_SOURCE, "uppskattning: 40 h minus ungefär 15 % för interna möten, "
                                        "administration och utbildning")),
            Column("employer_cost_multiplier", _tx("Own multiplier", "Eget påslag"),
                   UNITS["factor"],
                   _tx("the role's own employer cost multiplier; blank = the one in Settings",
                       "rollens eget arbetsgivarpåslag; tomt = det under Inställningar")),
        ]
        rows, cells = [], []
        for entry in self.raw["roles"]["roles"]:
            role = self.catalog.roles[entry["id"]]
            row = Row(role.id, dict(role.name), role.pay_source)
            rows.append(row)
            select = ("roles", ("id", role.id))
            cells.append(self.cell("pay", row, columns[0], role.pay_sek_month, unit=UNITS["sek_month"],
                                   source=role.pay_source, kind="money", low=0.0, high=1_000_000.0,
                                   path=(*select, "pay_sek_month")))
            cells.append(self.cell("pay", row, columns[1], role.capacity_hours, unit=UNITS["h_week"],
                                   source=CAPACITY_SOURCE, kind="hours", low=0.0, high=80.0,
                                   path=(*select, "capacity_hours")))
            own = entry.get("employer_cost_multiplier")
            cells.append(self.cell("pay", row, columns[2], role.employer_cost_multiplier if own is not None
                                   else None, unit=UNITS["factor"], source=mult_source, kind="factor",
                                   low=1.0, high=3.0, path=(*select, "employer_cost_multiplier"),
                                   optional=True))
        return self.table("pay", columns, rows, cells)

    def providers(self) -> Table:
        columns = [
            Column("rate_sek_hour", _tx("Rate", "Timpris"), UNITS["sek_hour"]),
            Column("min_retainer_sek_month", _tx("Minimum retainer", "Lägsta månadsarvode"),
                   UNITS["sek_month"]),
            Column("max_hours_week", _tx("Most hours per client", "Högst timmar per kund"), UNITS["h_week"],
                   _tx("estimate; blank = no limit", "uppskattning; tomt = ingen gräns")),
        ]
        rows, cells = [], []
        for entry in self.raw["providers"]["providers"]:
            provider = self.catalog.providers[entry["id"]]
            row = Row(provider.id, dict(provider.name), provider.rate_source)
            rows.append(row)
            select = ("providers", ("id", provider.id))
            retainer_source = entry.get("retainer_source")
            if not isinstance(retainer_source, str) or not retainer_source.strip():
                retainer_source = ESTIMATE
            cells.append(self.cell("providers", row, columns[0], provider.rate_sek_hour,
                                   unit=UNITS["sek_hour"], source=provider.rate_source, kind="rate",
                                   low=1.0, high=100_000.0, path=(*select, "rate_sek_hour")))
            cells.append(self.cell("providers", row, columns[1], provider.min_retainer_sek_month,
                                   unit=UNITS["sek_month"], source=retainer_source, kind="money",
                                   low=0.0, high=MAX_RETAINER_SEK_MONTH,
                                   path=(*select, "min_retainer_sek_month")))
            cells.append(self.cell("providers", row, columns[2], provider.max_hours_week,
                                   unit=UNITS["h_week"], source=MAX_HOURS_SOURCE, kind="hours",
                                   low=0.0, high=168.0, path=(*select, "max_hours_week"), optional=True))
        return self.table("providers", columns, rows, cells, source_columns=("min_retainer_sek_month",))

    def demand(self) -> Table:
        column = Column("value", VALUE)
        rows, cells = [], []
        for entry, rule in zip(self.raw["demand"]["demand"], self.catalog.demand, strict=True):
            cap = rule.capability
            cap_name = dict(self.catalog.capability(cap).name)
            select = ("demand", ("capability", cap))
            row = Row(f"{cap}.base_hours", _tx(f"{cap_name['en']} · base", f"{cap_name['sv']} · grund"),
                      rule.source, UNITS["h_week"])
            rows.append(row)
            cells.append(self.cell("demand", row, column, rule.base_hours, unit=UNITS["h_week"],
                                   source=rule.source, kind="hours", low=0.0, high=168.0,
                                   path=(*select, "base_hours")))
            ids = _demand_row_ids(cap, entry.get("terms", []))
            for index, (ident, term) in enumerate(zip(ids, rule.terms, strict=True)):
                suffix, unit = (SQRT_DRIVERS if term.transform == "sqrt" else DRIVERS).get(
                    term.driver, (_tx(f"× {term.driver}", f"× {term.driver}"), UNITS["h_week"]))
                if term.transform == "sqrt" and term.driver not in SQRT_DRIVERS:
                    suffix = _tx(f"× √{term.driver}", f"× √{term.driver}")
                name = _tx(f"{cap_name['en']} · {suffix['en']}", f"{cap_name['sv']} · {suffix['sv']}")
                row = Row(ident, name, rule.source, unit)
                rows.append(row)
                cells.append(self.cell("demand", row, column, term.hours, unit=unit, source=rule.source,
                                       kind="hours", low=0.0, high=100.0,
                                       path=(*select, "terms", index, "hours")))
        return self.table("demand", [column], rows, cells, long=True)

    def settings(self) -> Table:
        column = Column("value", VALUE)
        body = self.raw["settings"]["settings"]
        bounds = {"min_fit": (0.0, self.catalog.settings.primary_fit),
                  "primary_fit": (self.catalog.settings.min_fit, 1.0)}
        rows, cells = [], []
        for key, (label, unit_key, kind, low, high) in SETTINGS.items():
            entry = body[key]
            source = str(entry.get("source", ESTIMATE))
            row = Row(key, label, source, UNITS[unit_key])
            rows.append(row)
            low, high = bounds.get(key, (low, high))
            cells.append(self.cell("settings", row, column, getattr(self.catalog.settings, key),
                                   unit=UNITS[unit_key], source=source, kind=kind, low=low, high=high,
                                   path=("settings", None, key, "value")))
        return self.table("settings", [column], rows, cells, long=True)

    def fits(self, table_id: str) -> Table:
        section = "roles" if table_id == "role_fit" else "providers"
        items = self.catalog.roles if section == "roles" else self.catalog.providers
        source = FIT_SOURCE if section == "roles" else PROVIDER_FIT_SOURCE
        columns = [Column(cap, dict(self.catalog.capability(cap).name), UNITS["fit"]) for cap in CAPABILITIES]
        rows, cells = [], []
        for entry in self.raw[section][section]:
            item = items[entry["id"]]
            row = Row(item.id, dict(item.name), source)
            rows.append(row)
            for column in columns:
                cells.append(self.cell(table_id, row, column, item.fit.get(column.key), unit=UNITS["fit"],
                                       source=source, kind="fraction", low=0.0, high=1.0,
                                       path=(section, ("id", item.id), "fit", column.key), optional=True))
        return self.table(table_id, columns, rows, cells)

    def rules(self) -> Table:
        column = Column("value", VALUE)
        rows, cells = [], []
        for rule in self.catalog.rules:
            kind = KINDS[rule.kind]
            for name, param in kind.params.items():
                if not param.numeric:
                    continue
                unit, cell_kind = _param_unit(param, rule.params)
                label = param_label(param, name)
                rule_name = _humanise(rule.id)
                source = f"{ESTIMATE}, encoding guidance {rule.guidance}" if rule.guidance else ESTIMATE
                row = Row(f"{rule.id}.{name}",
                          _tx(f"{rule_name} · {label['en']}", f"{rule_name} · {label['sv']}"), source, unit)
                rows.append(row)
                high = param_high(param, rule.params)
                cells.append(self.cell("rules", row, column, rule.params[name], unit=unit, source=source,
                                       kind=cell_kind, low=0.0,
                                       high=high, path=("rules", ("id", rule.id), "params", name)))
        return self.table("rules", [column], rows, cells, long=True)


def assumption_tables(catalog: Catalog) -> dict[str, Table]:
    """Every numeric assumption of the catalog, as tables in TABLE_IDS order."""
    build = _Builder(catalog)
    made = {"pay": build.pay(), "providers": build.providers(), "demand": build.demand(),
            "settings": build.settings(), "role_fit": build.fits("role_fit"),
            "provider_fit": build.fits("provider_fit"), "rules": build.rules()}
    return {table_id: made[table_id] for table_id in TABLE_IDS}


def assumption_cells(catalog: Catalog) -> dict[CellKey, Cell]:
    """Every cell of every table by (table, row, column)."""
    return {cell.key: cell for table in assumption_tables(catalog).values() for cell in table.cells.values()}


# ---- editing -----------------------------------------------------------------------------------------
def _locate(raw: dict[str, Any], path: tuple) -> tuple[Any, Any]:
    """(container, key) of the value at `path` in the raw documents."""
    section, select, *keys = path
    node: Any = raw[section][section]
    if select is not None:
        id_key, ident = select
        node = next(item for item in node if isinstance(item, dict) and item.get(id_key) == ident)
    for key in keys[:-1]:
        node = node[key]
    return node, keys[-1]


def _coerce(cell: Cell, value: Any) -> float | None:
    """The edited value as a number (None: blank on an optional cell), or AssumptionError."""
    if _is_blank(value):
        if cell.optional:
            return None
        raise AssumptionError("a number is required (the cell is empty)", cell)
    if isinstance(value, bool):
        raise AssumptionError(f"expected a number, got {value!r}", cell)
    if isinstance(value, str | bytes):
        typed = (value.decode("utf-8", "replace") if isinstance(value, bytes) else value).strip()
        try:
            value = parse_number(typed)
        except ValueError:
            raise AssumptionError(f"expected a number, got {typed[:40]!r}", cell) from None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise AssumptionError(f"expected a number, got {str(value)[:40]!r}", cell) from None
    if not math.isfinite(number):
        raise AssumptionError(f"expected a finite number, got {number!r}", cell)
    return number


def parse_number(typed: str) -> float:
    """A number as people type it: '50 000', '1,5' (decimal comma), '1,500,000' or '1,234.5'."""
    cleaned = typed.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("_", "")
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1 and \
            not re.fullmatch(r"-?\d{1,3},\d{3}", cleaned):
        cleaned = cleaned.replace(",", ".")
    return float(cleaned.replace(",", ""))


def _yaml_number(number: float, original: Any) -> int | float:
    """Keep the YAML's type: an int stays an int when the new value is whole (so that editing a
    value back gives the same document, and the same fingerprint, as before)."""
    whole = number.is_integer() and abs(number) < 1e15
    if isinstance(original, float) and not isinstance(original, bool):
        return number
    return int(number) if whole else number


def _write(raw: dict[str, Any], cell: Cell, number: float | None) -> None:
    container, key = _locate(raw, cell.path)
    if number is None:
        if isinstance(container, dict):
            container.pop(key, None)
        return
    original = container.get(key) if isinstance(container, dict) else container[key]
    container[key] = _yaml_number(number, original)


def apply_edits(catalog: Catalog, table_id: str, edits: Mapping[tuple[str, str], Any]) -> Catalog:
    """A new Catalog with `edits` ((row, column) -> value) made to one table.

    The values go into a copy of the raw documents, which `build_catalog` validates. Raises
    AssumptionError (naming table, row and column) and leaves `catalog` untouched on any problem.
    """
    if table_id not in TABLE_TITLES:
        raise AssumptionError(f"unknown table {table_id!r} (expected one of: {', '.join(TABLE_IDS)})")
    table = assumption_tables(catalog)[table_id]
    return _apply(catalog, [(table, key, value) for key, value in edits.items()])


def _apply(catalog: Catalog, changes: list[tuple[Table, tuple[str, str], Any]]) -> Catalog:
    raw = catalog.to_raw()
    touched: list[Cell] = []
    for table, (row, column), value in changes:
        cell = table.cells.get((row, column))
        if cell is None:
            raise AssumptionError(f"no row {row!r} with column {column!r} in table "
                                  f"\u201c{text(table.title)}\u201d")
        number = _coerce(cell, value)
        if (number is None and cell.value is None) or (number is not None and number == cell.value):
            continue
        _write(raw, cell, number)
        touched.append(cell)
    if not touched:
        return catalog
    try:
        return build_catalog(raw, origin=ORIGIN)
    except CatalogError as error:
        raise _explain(error, touched, catalog) from None


# ---- where a catalog error points ----------------------------------------------------------------------
ENTRY = re.compile(r"^(?P<section>\w+)\[(?P<index>\d+)\]")


def _key_text(keys: Iterable[Any]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _error_spot(error: CatalogError) -> tuple[str, Any, str | None] | None:
    """(section, entry index or setting name, key) of a CatalogError."""
    section = error.file.rsplit("/", 1)[-1].removesuffix(".yaml")
    if not error.entry:
        return None
    if section == "settings":
        return section, error.entry, error.key
    match = ENTRY.match(error.entry)
    if not match:
        return None
    return section, int(match["index"]), error.key


def _cell_spot(cell: Cell, raw: dict[str, Any]) -> tuple[str, Any, str]:
    section, select, *keys = cell.path
    if select is None:  # settings: the entry is the setting, the key is 'value'
        return section, keys[0], _key_text(keys[1:])
    id_key, ident = select
    if keys[0] == "fit":  # the catalog names a fit's value by the bare capability id
        keys = keys[1:]
    body = raw[section][section]
    index = next((i for i, item in enumerate(body)
                  if isinstance(item, dict) and item.get(id_key) == ident), -1)
    return section, index, _key_text(keys)


def _explain(error: CatalogError, touched: list[Cell], catalog: Catalog) -> AssumptionError:
    """Turn the catalog's error (file, entry, key) into one naming table, row and column."""
    spot = _error_spot(error)
    if spot is not None:
        for cell in touched:
            if _cell_spot(cell, catalog.raw) == spot:
                return AssumptionError(error.problem, cell)
        for cell in assumption_cells(catalog).values():
            if _cell_spot(cell, catalog.raw) == spot:
                return AssumptionError(error.problem, touched[0], other=cell)
    return AssumptionError(error.problem, touched[0], detail=str(error))


def reset_table(catalog: Catalog, default: Catalog, table_id: str) -> Catalog:
    """The catalog with one table's values put back to those of `default` (rows that only one of
    the two has are left as they are)."""
    if table_id == "demand":  # terms have no ids: put back each capability's terms as shipped
        return _reset_demand(catalog, default)
    current = assumption_tables(catalog)[table_id]
    shipped = assumption_tables(default)[table_id]
    changes = [(current, key, shipped.cells[key].value) for key in current.cells if key in shipped.cells]
    return _apply(catalog, changes)


def _reset_demand(catalog: Catalog, default: Catalog) -> Catalog:
    raw = catalog.to_raw()
    shipped = {entry.get("capability"): entry for entry in default.raw["demand"]["demand"]}
    for entry in raw["demand"]["demand"]:
        source = shipped.get(entry.get("capability"))
        if source is not None:
            entry["base_hours"] = source["base_hours"]
            entry["terms"] = copy.deepcopy(source.get("terms", []))
    if raw == catalog.raw:
        return catalog
    try:
        return build_catalog(raw, origin=ORIGIN)
    except CatalogError as error:
        raise AssumptionError(str(error)) from None


@dataclass(frozen=True)
class Change:
    cell: Cell  # as in the catalog compared against
    old: float | None
    new: float | None


def differences(base: Catalog, other: Catalog) -> tuple[Change, ...]:
    """The assumptions whose value in `other` differs from `base` (cells only one has included)."""
    if base.fingerprint == other.fingerprint:
        return ()
    before, after = assumption_cells(base), assumption_cells(other)
    changes = []
    for key, cell in after.items():
        old = before[key].value if key in before else None
        if key not in before or old != cell.value:
            changes.append(Change(cell, old, cell.value))
    changes += [Change(cell, cell.value, None) for key, cell in before.items() if key not in after]
    return tuple(changes)


# ---- import -------------------------------------------------------------------------------------------
def import_yaml(text_in: str, *, origin: str = "upload", reference: Catalog | None = None) -> Catalog:
    """Read a whole set of assumptions (the one-document YAML `Catalog.to_yaml` writes).

    Raises AssumptionError naming the table, row and column when the error is in one of the
    numbers (row names are taken from `reference`, the shipped catalog), else the file, entry and key.
    """
    if not isinstance(text_in, str | bytes | bytearray):
        raise AssumptionError(f"{origin}: expected YAML text")
    try:
        text_in = decode_text(text_in, MAX_IMPORT_BYTES)
    except YamlProblem as problem:
        raise AssumptionError(f"{origin}: {problem}") from None
    try:  # one guarded pass (model.yamlsafe): depth, size, aliases and duplicates checked as it parses
        return load_catalog_text(text_in, origin=origin)
    except CatalogError as error:
        cell = _import_cell(error, text_in, reference)
        if cell is None:
            raise AssumptionError(str(error)) from None
        where = f"{error.file}: {error.entry}" + (f", key '{error.key}'" if error.key else "")
        raise AssumptionError(error.problem, cell, detail=where) from None


def _import_cell(error: CatalogError, text_in: str, reference: Catalog | None) -> Cell | None:
    """The table cell a CatalogError in an uploaded document points at, when it is one."""
    spot = _error_spot(error)
    if spot is None or spot[2] is None:
        return None
    section, entry, key = spot
    try:
        merged = load_text(text_in)  # it was read once already: this cannot fail on size or depth
        body = merged[section] if section != "settings" else None
        item = body[entry] if section != "settings" else None
    except Exception:  # noqa: BLE001 - best effort: without it the error still names file and key
        return None
    spot_cell = _spot_to_cell(section, entry, key, item)
    if spot_cell is None:
        return None
    table_id, row, column = spot_cell
    known = assumption_tables(reference)[table_id].cells.get((row, column)) if reference else None
    if known is not None:
        return known
    return Cell(table_id, row, column, None, {}, "", "number", 0.0, None, False, (), TABLE_TITLES[table_id],
                _tx(row, row), _tx(column, column) if column != "value" else VALUE)


def _spot_to_cell(section: str, entry: Any, key: str, item: Any) -> tuple[str, str, str] | None:
    if section == "settings":
        return ("settings", entry, "value") if entry in SETTINGS and key == "value" else None
    if not isinstance(item, dict):
        return None
    if section in ("roles", "providers"):
        ident = item.get("id")
        if not isinstance(ident, str):
            return None
        if key in CAPABILITIES or key.startswith("fit."):
            return ("role_fit" if section == "roles" else "provider_fit"), ident, key.removeprefix("fit.")
        wide = {"roles": ("pay_sek_month", "capacity_hours", "employer_cost_multiplier"),
                "providers": ("rate_sek_hour", "min_retainer_sek_month", "max_hours_week")}[section]
        return ("pay" if section == "roles" else "providers", ident, key) if key in wide else None
    if section == "demand":
        cap = item.get("capability")
        if not isinstance(cap, str):
            return None
        if key == "base_hours":
            return "demand", f"{cap}.base_hours", "value"
        match = re.fullmatch(r"terms\[(\d+)\]\.hours", key)
        if match:
            ids = _demand_row_ids(cap, item.get("terms"))
            index = int(match[1])
            return ("demand", ids[index], "value") if index < len(ids) else None
        return None
    if section == "rules" and key.startswith("params.") and isinstance(item.get("id"), str):
        return "rules", f"{item['id']}.{key[7:]}", "value"
    return None


# ---- sensitivity --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Swing:
    """What changing one assumption by -factor and +factor does to the plan."""

    cell: Cell
    low_value: float
    high_value: float
    coverage: tuple[float, float]  # overall coverage at low_value, high_value
    cost: tuple[float, float]  # total cost SEK/year at low_value, high_value
    base_coverage: float
    base_cost: float

    def swing(self, metric: str) -> float:
        """The width of the tornado bar: the range spanned by base, low and high."""
        base, (low, high) = ((self.base_coverage, self.coverage) if metric == "coverage"
                             else (self.base_cost, self.cost))
        return max(base, low, high) - min(base, low, high)


@dataclass(frozen=True)
class Sensitivity:
    factor: float
    base_coverage: float
    base_cost: float
    swings: tuple[Swing, ...]  # in table order

    def ranked(self, metric: str) -> tuple[Swing, ...]:
        """Swings by how much they move `metric` ('coverage' or 'cost'), largest first."""
        if metric not in ("coverage", "cost"):
            raise ValueError(f"unknown metric {metric!r} (expected coverage or cost)")
        order = {swing.cell.key: index for index, swing in enumerate(self.swings)}
        return tuple(sorted(self.swings, key=lambda s: (-round(s.swing(metric), 9), order[s.cell.key])))


def varied_values(cell: Cell, factor: float = 0.2) -> tuple[float, float]:
    """The values tried for a cell: value x (1 - factor) and x (1 + factor), kept within the cell's
    bounds (fractions stay within 0..1), whole for counts."""
    assert cell.value is not None

    def bound(number: float) -> float:
        number = max(cell.low, number)
        if cell.high is not None:
            number = min(cell.high, number)
        return float(round(number)) if cell.kind == "count" else number

    return bound(cell.value * (1 - factor)), bound(cell.value * (1 + factor))


def with_value(catalog: Catalog, cell: Cell, value: float) -> Catalog:
    """A catalog differing from `catalog` in one assumption, built without re-validation.

    The fast path of `sensitivity` (apply_edits gives the same plans; the tests check it). Only
    for values within the cell's bounds."""
    section, select, *keys = cell.path
    changed: dict[str, Any] = {}
    if section == "settings":
        name = keys[0]
        changed["settings"] = replace(catalog.settings, **{name: value})
        if name == "employer_cost_multiplier":
            own = {entry["id"] for entry in catalog.raw["roles"]["roles"]
                   if "employer_cost_multiplier" in entry}
            changed["roles"] = {rid: role if rid in own else replace(role, employer_cost_multiplier=value)
                                for rid, role in catalog.roles.items()}
    elif section in ("roles", "providers"):
        items = dict(getattr(catalog, section))
        item = items[select[1]]
        if keys[0] == "fit":
            items[item.id] = replace(item, fit={**item.fit, keys[1]: value})
        else:
            items[item.id] = replace(item, **{keys[0]: value})
        changed[section] = items
    elif section == "demand":
        rules = list(catalog.demand)
        index = next(i for i, rule in enumerate(rules) if rule.capability == select[1])
        rule = rules[index]
        if keys[0] == "base_hours":
            rules[index] = replace(rule, base_hours=value)
        else:
            terms = list(rule.terms)
            terms[keys[1]] = replace(terms[keys[1]], hours=value)
            rules[index] = replace(rule, terms=tuple(terms))
        changed["demand"] = tuple(rules)
    elif section == "rules":
        rules = list(catalog.rules)
        index = next(i for i, rule in enumerate(rules) if rule.id == select[1])
        number = int(value) if cell.kind == "count" else float(value)
        rules[index] = replace(rules[index], params={**rules[index].params, keys[1]: number})
        changed["rules"] = tuple(rules)
    else:
        raise ValueError(f"cannot vary {cell.key}")
    return replace(catalog, **changed, fingerprint=f"{catalog.fingerprint}~{'/'.join(cell.key)}={value!r}")


def sensitivity(scenario: Scenario, catalog: Catalog, factor: float = 0.2) -> Sensitivity:
    """Change each numeric assumption by -factor and +factor in turn, re-simulate, and report how
    overall coverage and total cost move. Blank and zero cells are skipped (nothing to scale)."""
    base = simulate(scenario, catalog)
    swings = []
    for cell in assumption_cells(catalog).values():
        if not cell.value:
            continue
        low, high = varied_values(cell, factor)
        results = []
        for value in (low, high):
            if value == cell.value:
                results.append((base.overall_coverage, base.cost.total))
                continue
            plan = simulate(scenario, with_value(catalog, cell, value))
            results.append((plan.overall_coverage, plan.cost.total))
        swings.append(Swing(cell, low, high, (results[0][0], results[1][0]), (results[0][1], results[1][1]),
                            base.overall_coverage, base.cost.total))
    return Sensitivity(factor, base.overall_coverage, base.cost.total, tuple(swings))
