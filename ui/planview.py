"""Plain views of a Plan for the pages: headline figures with deltas, the findings in order,
the assignment table, the CSV export and the share link. Pure functions, no Streamlit calls."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pandas as pd

from model import SEVERITY_ORDER, SPECS, Catalog, Finding, Plan, Scenario
from ui.charts import provider_label
from ui.exports import csv_text
from ui.findings import seat_label
from ui.fmt import fit, hours, msek, number, pct, points, sek
from ui.i18n import N_, _, t

from .reasons import line_reason, reason_text


@dataclass(frozen=True)
class Headline:
    """One headline figure: a label, the value as text, and the change against a baseline."""

    key: str
    label: str
    value: str
    delta: str | None
    delta_color: str  # "normal" | "inverse" | "off"
    help: str


def _signed(text: str, positive: bool) -> str:
    return ("+" if positive else "-") + text.lstrip("-")


def headlines(plan: Plan, catalog: Catalog, lang: str, baseline: Plan | None = None,
              least: float | None = None) -> list[Headline]:
    """The honest first figures: coverage, quality, hours left undone a week, cost against the
    least cost of the same coverage and quality (`least`, SEK a year, when known), and people over
    capacity."""
    cost = plan.cost
    people = [person for person in plan.people if person.in_team]
    over = sum(1 for person in people if person.utilisation > 1 + 1e-9)
    undone = sum(plan.uncovered.values())
    out: list[Headline] = []

    def delta(now: float, then: float, show, tolerance: float = 5e-5) -> str | None:
        """The change as the figure shows it; none below what the figure can show (solver noise
        of a few öre is no change of cost)."""
        if baseline is None or abs(now - then) < tolerance:
            return None
        return _signed(show(abs(now - then)), now > then)

    base = baseline
    target = plan.scenario.target_coverage
    coverage_value = pct(plan.overall_coverage, lang)
    if target > 0:
        coverage_value = _(lang, "{coverage} of {target}", coverage=coverage_value, target=pct(target, lang))
    out.append(Headline(
        "coverage", _(lang, "Coverage"), coverage_value,
        delta(plan.overall_coverage, base.overall_coverage if base else 0,
              lambda v: points(v, lang)),
        "normal",
        _(lang, "Share of the weekly workload done: hours done over hours needed."),
    ))
    out.append(Headline(
        "quality", _(lang, "Quality"), number(plan.overall_quality, lang, 2),
        delta(plan.overall_quality, base.overall_quality if base else 0, lambda v: number(v, lang, 2), 0.005),
        "normal",
        _(lang, "How well the work done is done: the hours-weighted fit of whoever does it, from 0 to 1 "
                "(0.7 and above is a specialist's)."),
    ))
    out.append(Headline(
        "undone", _(lang, "Not done a week"), _(lang, "{hours} h", hours=number(undone, lang, 1)),
        delta(undone, sum(base.uncovered.values()) if base else 0, lambda v: number(v, lang, 1), 0.05),
        "inverse",
        _(lang, "Hours of work a week that nobody does, of {demand} needed.",
          demand=hours(sum(plan.demand.values()), lang)),
    ))
    budget_note = (_(lang, "over budget by ") + msek(cost.total - cost.budget, lang)
                   if cost.total > cost.budget + 0.5
                   else _(lang, "left: ") + msek(max(cost.remaining, 0.0), lang))
    value = msek(cost.total, lang)
    if least is not None:
        value = _(lang, "{cost} / {least}", cost=number(cost.total / 1e6, lang, 1), least=msek(least, lang))
    out.append(Headline(
        "cost", _(lang, "Cost / least cost") if least is not None else _(lang, "Cost per year"), value,
        delta(cost.total, base.cost.total if base else 0, lambda v: msek(v, lang), 50_000),
        "inverse",
        _(lang, "Cost per year: fully loaded in-house cost plus agency and freelance fees ({budget} budget; "
                "{note}). The least cost is what the same coverage at the same quality costs with the "
                "cheapest team and purchases that keep to the guidance.",
          budget=msek(cost.budget, lang), note=budget_note),
    ))
    out.append(Headline(
        "over_capacity", _(lang, "Over capacity"),
        _(lang, "{over} of {people}", over=number(over, lang), people=number(len(people), lang)),
        delta(over, sum(1 for p in base.people if p.in_team and p.utilisation > 1 + 1e-9) if base else 0,
              lambda v: number(v, lang)),
        "inverse",
        _(lang, "In-house people loaded beyond their capacity. Findings: {critical} critical, {warnings} "
                "warnings, {notes} notes.",
          critical=plan.count("critical"), warnings=plan.count("warning"), notes=plan.count("info")),
    ))
    return out


def ordered_findings(plan: Plan) -> list[Finding]:
    """Critical first, then warnings, then info; within a severity in the model's order."""
    return sorted(plan.findings, key=lambda finding: SEVERITY_ORDER.get(finding.severity, 99))


def finding_subject(finding: Finding, catalog: Catalog, lang: str) -> str:
    """What a finding is about: a seat, a capability, or the whole plan."""
    if finding.seat:
        return seat_label(finding.seat, lang)
    if finding.capability:
        return _(lang, catalog.name(finding.capability))
    return _(lang, "The whole plan")


@dataclass(frozen=True)
class LimitLine:
    """One thing that could be added to the plan and the coverage it would add (Plan.limits)."""

    key: str  # "budget" or a seat id
    label: str
    gain: float  # overall coverage, 0..1
    text: str


def _seat_name(plan: Plan, seat: str, catalog: Catalog, lang: str) -> str:
    person = next((p for p in plan.people if p.seat == seat), None)
    label = seat_label(seat, lang)
    if person is None or not person.in_team:
        return label
    return f"{label} ({_(lang, catalog.name(person.role))})"


def limit_lines(plan: Plan, catalog: Catalog, lang: str) -> list[LimitLine]:
    """What binds the plan, most binding first: the coverage more budget or one more hour a week
    of each person would add (empty when the plan was found without its limits)."""
    limits = plan.limits
    if limits is None:
        return []
    lines = [LimitLine("budget", _(lang, "{sek} more a year", sek=sek(limits.budget_step, lang)),
                       limits.budget_gain, points(limits.budget_gain, lang, 1))]
    step = number(limits.hour_step, lang)
    for seat, gain in limits.seat_gain.items():
        name = _seat_name(plan, seat, catalog, lang)
        hour = (_(lang, "One more hour a week of {name}", name=name)
                if limits.hour_step == 1 else
                _(lang, "{step} more hours a week of {name}", step=step, name=name))
        lines.append(LimitLine(seat, hour, gain, points(gain, lang, 1)))
    return sorted(lines, key=lambda line: -round(line.gain, 9))


def limits_table(plan: Plan, catalog: Catalog, lang: str) -> pd.DataFrame:
    """limit_lines as a table for the page."""
    lines = limit_lines(plan, catalog, lang)
    return pd.DataFrame({
        _(lang, "Change"): [line.label for line in lines],
        _(lang, "Coverage added"): ["+" + line.text for line in lines],
    })


def limits_summary(plan: Plan, catalog: Catalog, lang: str) -> str:
    """One sentence on what binds the plan (the same figures as limit_lines)."""
    lines = limit_lines(plan, catalog, lang)
    if not lines:
        return ""
    top = lines[0]
    if top.gain > 1e-6:
        label = top.label  # "Seat 1: …" runs on lower case; "SEK 100,000 …" keeps its capitals
        change = label[0].lower() + label[1:] if label[1:2].islower() else label
        what = _(lang, "Money") if top.key == "budget" else _(lang, "Time")
        return _(lang, "{what} binds this plan most: {change} would add {text} of coverage.",
                 what=what, change=change, text=top.text)
    if plan.overall_coverage >= 1 - 1e-9:
        return _(lang, "All the work is done: neither money nor time limits this plan.")
    # small steps may still buy better-fitting work (a higher objective) without more coverage
    return _(lang, "Neither a little more money nor one more hour a week of anyone would add coverage to "
                   "this plan (a small step may still buy better-fitting work); the next best move on "
                   "Trade-offs tries larger steps.")


COLUMNS = {
    "capability": N_("Capability"),
    "who": N_("Who"),
    "type": N_("Type"),
    "hours": N_("h/week"),
    "cost": N_("Cost per year"),
    "fit": N_("Fit"),
    "reason": N_("Why"),
}


def column(key: str, lang: str) -> str:
    return _(lang, COLUMNS[key])


def _lines(plan: Plan, lang: str, catalog: Catalog) -> list[tuple[str, str, str, str, float, float, float, str]]:  # noqa: E501
    """(capability, provider type, provider, seat, hours/week, cost/year, fit, reason) per
    assignment line, then the uncovered hours: the rows of Plan.to_frame, without pandas."""
    rows = [(line.capability, line.provider_type, line.provider, line.seat or "", line.hours, line.cost_sek,
             line.fit, line_reason(line, catalog, lang)) for line in plan.assignments]
    rows += [(cap, "uncovered", "", "", left, 0.0, 0.0, reason_text("uncovered", {}, catalog, lang))
             for cap, left in plan.uncovered.items() if left > 1e-6]
    return rows


def assignment_table(plan: Plan, catalog: Catalog, lang: str) -> pd.DataFrame:
    """The assignment lines and the uncovered hours, for display: names, not ids, and numbers
    written for the language."""
    rows = []
    for cap, kind, provider, seat, hours_week, cost_year, fit_value, reason in _lines(plan, lang, catalog):
        uncovered = kind == "uncovered"
        rows.append((
            _(lang, catalog.name(cap)),
            "—" if uncovered else provider_label(kind, provider, seat or None, catalog, lang),
            t("not_done" if uncovered else kind, lang),
            hours(hours_week, lang),
            "—" if uncovered else sek(round(cost_year, -2), lang),
            "—" if uncovered else fit(fit_value, lang),
            reason,
        ))
    return pd.DataFrame(rows, columns=[column(key, lang) for key in COLUMNS])


CSV_COLUMNS = ("capability", "capability_name", "provider_type", "provider", "provider_name", "seat",
               "hours_week", "cost_sek_year", "fit", "reason")


def plan_csv(plan: Plan, catalog: Catalog, lang: str) -> str:
    """The plan as CSV: ids and display names side by side, plain numbers (dot decimals), made
    safe for spreadsheets by ui.exports (names come from editable assumptions)."""
    rows = []
    for cap, kind, provider, seat, hours_week, cost_year, fit_value, reason in _lines(plan, lang, catalog):
        name = "" if kind == "uncovered" else provider_label(kind, provider, seat or None, catalog, lang)
        rows.append((cap, _(lang, catalog.name(cap)), kind, provider, name, seat, round(hours_week, 2),
                     round(cost_year), round(fit_value, 2), reason))
    columns = dict(zip(CSV_COLUMNS, zip(*rows, strict=True), strict=True)) if rows else {}
    return csv_text(pd.DataFrame({name: list(columns.get(name, ())) for name in CSV_COLUMNS}))


def share_params(scenario: Scenario, lang: str) -> dict[str, str | list[str]]:
    """The query parameters that reopen `scenario`: every field that differs from its default
    (team_size is left out when an explicit team gives it), and the language."""
    params: dict[str, str | list[str]] = {}
    for name, value in scenario.to_query_params().items():
        spec = SPECS[name]
        if name == "team_size" and scenario.team:
            continue
        if isinstance(value, list):
            if value:
                params[name] = value
        elif getattr(scenario, name) != spec.default:
            params[name] = value
    params["lang"] = lang
    return params


def share_link(base_url: str | None, scenario: Scenario, lang: str) -> str:
    """The page URL with the scenario's query string (a relative link when the URL is unknown)."""
    query = urlencode(share_params(scenario, lang), doseq=True)
    base = (base_url or "").split("?", 1)[0].split("#", 1)[0]
    if base and not urlsplit(base).path:
        base += "/"  # http://host:8501 -> http://host:8501/
    return f"{base}?{query}" if base else f"?{query}"


__all__ = ["Headline", "LimitLine", "assignment_table", "finding_subject", "headlines", "limit_lines",
           "limits_summary", "limits_table", "ordered_findings", "plan_csv", "share_link", "share_params"]
