"""The Assumptions page in words (pure Python, no Streamlit): the titles and descriptions of the
tables, the names of rows and columns, units and sources, a table as the data editor shows it,
and what an edit changed or why it was refused.

model/assumptions gives codes and the English names of data/ (`Catalog.name`); every text here is
an English msgid translated through the catalogs in locale/, and numbers are written by ui/fmt.py.
"""

from __future__ import annotations

import math
from typing import Any

from model import (
    BASE,
    ESTIMATE,
    GUIDANCE_ESTIMATE,
    SQRT,
    VALUE,
    AssumptionError,
    Catalog,
    Cell,
    Change,
    Table,
)
from ui import fmt
from ui.guidance import guidance_text
from ui.i18n import N_, _, n_
from ui.problems import problem_text

TABLE_TITLES: dict[str, str] = {
    "pay": N_("Pay and capacity"),
    "providers": N_("Agency and freelance rates"),
    "demand": N_("Demand coefficients"),
    "settings": N_("Settings"),
    "role_fit": N_("Role fit"),
    "provider_fit": N_("Provider fit"),
    "rules": N_("Rule parameters"),
}
TABLE_DESCRIPTIONS: dict[str, str] = {
    "pay": N_("Gross monthly pay and the hours a full-time seat gives to social work each week. The fully "
              "loaded cost adds the employer cost multiplier (Settings, or a role's own)."),
    "providers": N_("Hourly fees, the minimum monthly retainer below which an agency will not take the job, "
                    "and the hours a freelancer can give one client each week (blank = no limit)."),
    "demand": N_("Hours per week of each capability = base hours + the sum of each coefficient times its "
                 "workload driver in the sidebar."),
    "settings": N_("Global figures: employer cost, working weeks, and the fit thresholds the assignment uses "
                   "(below the minimum fit nobody is trusted with a capability; from the primary fit a role "
                   "takes it before anything is bought)."),
    "role_fit": N_("How well each role does each capability, 0 to 1 (blank = not at all)."),
    "provider_fit": N_("How well each agency or freelancer does each capability, 0 to 1 "
                       "(blank = not offered)."),
    "rules": N_("The thresholds of the guidance rules: they decide when a finding is raised, and some steer "
                "the assignment (what is kept in-house, what is bought first)."),
}
COLUMN_LABELS: dict[str, str] = {
    "pay_sek_month": N_("Pay"),
    "capacity_hours": N_("Capacity"),
    "employer_cost_multiplier": N_("Own multiplier"),
    "rate_sek_hour": N_("Rate"),
    "min_retainer_sek_month": N_("Minimum retainer"),
    "max_hours_week": N_("Most hours per client"),
    VALUE: N_("Value"),
}
CAPACITY_NOTE = N_("estimate: 40 h less about {share} for internal meetings, admin and training")
COLUMN_NOTES: dict[str, str] = {  # a column's source, when it is the same for every row
    "capacity_hours": CAPACITY_NOTE,
    "employer_cost_multiplier": N_("the role's own employer cost multiplier; blank = the one in Settings"),
    "max_hours_week": N_("estimate; blank = no limit"),
}
SETTING_LABELS: dict[str, str] = {
    "employer_cost_multiplier": N_("Employer cost multiplier"),
    "weeks_per_year": N_("Working weeks per year"),
    "min_fit": N_("Minimum fit"),
    "primary_fit": N_("Primary fit"),
    "strong_fit": N_("Specialist fit"),
}
# The units of model.assumptions.UNIT_CODES; {amount} is 10,000 written for the language.
UNITS: dict[str, str] = {
    "sek_month": N_("SEK/month"),
    "sek_hour": N_("SEK/hour"),
    "sek_year": N_("SEK/year"),
    "h_week": N_("h/week"),
    "fit": N_("fit 0–1"),
    "share": N_("share 0–1"),
    "factor": N_("× gross pay"),
    "weeks": N_("weeks/year"),
    "count": N_("count"),
    "h_per_h": N_("h per bought hour"),
    "employees": N_("employees"),
    "utilisation": N_("share of capacity"),
    "points_h": N_("points per hour (1 = an hour of work at fit 1)"),
    "value": N_("value"),
    "h_week_per_channel": N_("h/week per channel"),
    "h_per_post": N_("h per post"),
    "h_per_image_post": N_("h per image post"),
    "h_per_video_post": N_("h per video post"),
    "h_per_message": N_("h per message"),
    "h_per_handling_hour": N_("h per hour of handling"),
    "h_week_per_10k_sek_month": N_("h/week per {amount} SEK/month"),
    "h_week_per_influencer": N_("h/week per influencer"),
    "h_week_sqrt_10k_sek_month": N_("h/week × √(SEK/month ÷ {amount})"),
    "people": N_("people"),
    "channels": N_("channels"),
    "posts_week": N_("posts/week"),
    "messages_week": N_("messages/week"),
    "influencers": N_("influencers"),
}
# What a demand row counts (model.assumptions Row.detail): the base hours, or a driver's coefficient.
DEMAND_PARTS: dict[str, str] = {
    BASE: N_("base"),
    "channels": N_("per channel"),
    "posts_per_week": N_("per post"),
    "image_posts": N_("per image post"),
    "video_posts": N_("per video post"),
    "inbound_per_week": N_("per message"),
    "inbound_hours": N_("per hour of message handling"),
    "ad_spend_10k": N_("per {amount} SEK/month of ads"),
    "influencers": N_("per influencer"),
    SQRT + "ad_spend_10k": N_("× √(ad spend / {amount} SEK a month)"),
}
OTHER_DRIVER = N_("× {driver}")
OTHER_SQRT_DRIVER = N_("× √{driver}")
SOURCES: dict[str, str] = {  # the sources the model gives where the data names none
    ESTIMATE: N_("estimate"),
    "estimate.capacity": CAPACITY_NOTE,
    "estimate.role_fit": N_("estimate, after the seed post's role lists"),
}
GUIDANCE_SOURCE = N_("estimate, after the guidance: {guidance}")
WHERE = N_("Table “{table}”, row “{row}”, column “{column}”")
WHERE_INSIDE = N_("table “{table}”, row “{row}”, column “{column}”")
MAKES_INVALID = N_("{where}, makes {other} invalid")
AMOUNT = 10_000  # the unit of ad spend a demand coefficient counts


def _texts(lang: str) -> dict[str, str]:
    """The values every template above may use."""
    return {"amount": fmt.number(AMOUNT, lang), "share": fmt.pct(0.15, lang)}


def _fill(lang: str, msgid: str, **values: str) -> str:
    return _(lang, msgid, **{**_texts(lang), **values})


def table_title(table_id: str, lang: str) -> str:
    return _(lang, TABLE_TITLES[table_id]) if table_id in TABLE_TITLES else table_id


def table_description(table_id: str, lang: str) -> str:
    return _(lang, TABLE_DESCRIPTIONS[table_id]) if table_id in TABLE_DESCRIPTIONS else ""


def unit_text(unit: str | None, lang: str) -> str:
    """A unit code in words ('' for none; an unknown code as written)."""
    if not unit:
        return ""
    return _fill(lang, UNITS[unit]) if unit in UNITS else unit


def column_label(key: str, lang: str, name: str = "") -> str:
    """A value column's label: the capability's name (`name`, from data) or the key's label."""
    if name:
        return _(lang, name)
    return _(lang, COLUMN_LABELS[key]) if key in COLUMN_LABELS else key


def column_note(key: str, lang: str) -> str:
    return _fill(lang, COLUMN_NOTES[key]) if key in COLUMN_NOTES else ""


def source_text(source: str, lang: str) -> str:
    """A cell's source: the model's codes in words, the data's own text (an English msgid, as the
    data's names are) translated."""
    if source in SOURCES:
        return _fill(lang, SOURCES[source])
    if source.startswith(GUIDANCE_ESTIMATE):
        item = source.removeprefix(GUIDANCE_ESTIMATE)
        guidance = guidance_text(int(item), lang) if item.isdigit() else ""
        return _(lang, GUIDANCE_SOURCE, guidance=guidance or item)
    return _(lang, source)


def rule_name(rule_id: str) -> str:
    """A rule's id as a name, for a rule the data names not: 'lead_in_house' -> 'Lead in house'."""
    words = rule_id.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _detail(table: str, detail: str | None, lang: str) -> str:
    if not detail:
        return ""
    if table == "rules":  # the parameter's English label (data/rule_labels.yaml)
        return _(lang, detail)
    if detail in DEMAND_PARTS:
        return _fill(lang, DEMAND_PARTS[detail])
    if detail.startswith(SQRT):
        return _(lang, OTHER_SQRT_DRIVER, driver=detail.removeprefix(SQRT))
    return _(lang, OTHER_DRIVER, driver=detail)


def row_name(table: str, subject: str, name: str, detail: str | None, lang: str) -> str:
    """A row's name: what it is about ('Social Media Manager', 'Minimum fit', 'Lead in house') and,
    in demand and rule tables, which of its numbers ('Strategy · per channel')."""
    if table == "settings":
        head = _(lang, SETTING_LABELS[subject]) if subject in SETTING_LABELS else subject
    elif table == "rules":
        head = _(lang, name) if name else rule_name(subject)
    else:
        head = _(lang, name) if name else subject
    part = _detail(table, detail, lang)
    return f"{head} · {part}" if part else head


def cell_row_name(cell: Cell, lang: str) -> str:
    return row_name(cell.table, cell.subject, cell.name, cell.detail, lang)


def cell_label(cell: Cell, lang: str) -> str:
    """'Social Media Manager · Pay' (the column is left out where it is the one value column)."""
    if cell.column == VALUE:
        return cell_row_name(cell, lang)
    return f"{cell_row_name(cell, lang)} · {column_label(cell.column, lang, cell.column_name)}"


def cell_where(cell: Cell, lang: str, *, inside: bool = False) -> str:
    """Table, row and column of a cell, for messages."""
    return _(lang, WHERE_INSIDE if inside else WHERE, table=table_title(cell.table, lang),
             row=cell_row_name(cell, lang), column=column_label(cell.column, lang, cell.column_name))


# ---- values ---------------------------------------------------------------------------------------
def value_text(value: float | None, lang: str = "en", blank: str = "–") -> str:
    """A number as written in `lang`, with as many decimals as it needs (at most four)."""
    if value is None:
        return blank
    if float(value).is_integer() and abs(value) < 1e15:
        return fmt.number(value, lang)
    decimals = len(f"{abs(value):.4f}".rstrip("0").split(".")[1])
    return fmt.number(value, lang, max(decimals, 1))


def cell_value_text(cell: Cell, value: float | None, lang: str = "en") -> str:
    """A value of the cell with its unit ('45,000 SEK/month'), or 'blank'."""
    if value is None:
        return _(lang, "blank")
    unit = unit_text(cell.unit, lang)
    return f"{value_text(value, lang)} {unit}" if unit else value_text(value, lang)


def change_text(change: Change, lang: str) -> str:
    """'Social Media Manager · Pay: 45,000 SEK/month → 50,000 SEK/month'."""
    return (f"{cell_label(change.cell, lang)}: {cell_value_text(change.cell, change.old, lang)} → "
            f"{cell_value_text(change.cell, change.new, lang)}")


def changes_text(changes: tuple[Change, ...], lang: str, limit: int = 4) -> str:
    parts = [change_text(change, lang) for change in changes[:limit]]
    if len(changes) > limit:
        parts.append(_(lang, "and {value} more", value=len(changes) - limit))
    return "; ".join(parts)


def refusal_text(error: AssumptionError, lang: str) -> str:
    """Why an edit or an import was refused: the cell (and a cell it made invalid), the problem,
    and where in the YAML when the catalog's reader found it there."""
    location = [part for part in (error.file, error.entry) if part]
    if error.key:
        location.append(_(lang, "key '{key}'", key=error.key))
    body = problem_text(error.problem, lang)
    if error.cell is None:
        return ": ".join([*location, body])
    head = cell_where(error.cell, lang)
    if error.other is not None:
        head = _(lang, MAKES_INVALID, where=head, other=cell_where(error.other, lang, inside=True))
    if location:
        body = f"{body} ({': '.join(location)})"
    return f"{head}: {body}"


# ---- a table as the data editor shows it ---------------------------------------------------------
def table_frame(table: Table, catalog: Catalog, lang: str):
    """The table as a pandas DataFrame: id, name, the value columns (floats, NaN for blank), then
    the fully loaded cost (pay), unit (long tables) and source; `Table.edits_from_frame` reads it
    back."""
    import pandas as pd

    records = []
    for row in table.rows:
        record: dict[str, Any] = {"id": row.id, "name": row_name(table.id, row.subject, row.name, row.detail,
                                                                 lang)}
        for column in table.columns:
            cell = table.cells.get((row.id, column.key))
            value = None if cell is None else cell.value
            record[column.key] = math.nan if value is None else float(value)
        if table.id == "pay":
            role = catalog.roles.get(row.id)
            record["annual_cost"] = role.annual_cost_sek if role is not None else math.nan
        if table.long:
            record["unit"] = unit_text(row.unit, lang)
        record["source"] = source_text(row.source, lang)
        for key in table.source_columns:
            cell = table.cells.get((row.id, key))
            record[f"{key}_source"] = source_text(cell.source, lang) if cell else ""
        records.append(record)
    names = ["id", "name", *(column.key for column in table.columns)]
    names += ["annual_cost"] if table.id == "pay" else []
    names += ["unit"] if table.long else []
    names += ["source", *(f"{key}_source" for key in table.source_columns)]
    frame = pd.DataFrame.from_records(records, columns=names)
    for column in table.columns:
        frame[column.key] = frame[column.key].astype("float64")
    return frame


def imported_text(name: str, changed: int, lang: str) -> str:
    return n_(lang, "Imported {name}: {count} assumption differs from the defaults.",
              "Imported {name}: {count} assumptions differ from the defaults.", changed, name=name)
