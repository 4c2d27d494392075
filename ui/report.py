"""Self-contained HTML reports of a scenario or a comparison, for meetings. Pure: no Streamlit.

    html_text = scenario_report(ReportScenario("Plan A", "why", plan, catalog), "en")
    html_text = comparison_report([item_a, item_b], catalog, "sv")

One HTML string that opens offline: plotly.js is inlined once (by the first chart), every chart
stays interactive, and there are no external links, fonts or scripts. Every text a user typed
(names, notes) and every text from data is escaped with html.escape; chart labels go through
ui.compare_charts.safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import plotly.graph_objects as go

from model import (
    FIELD_SPECS,
    Catalog,
    CatalogError,
    Plan,
    continuity,
    parties,
    raci,
    reply_delivery,
)
from model import roadmap as roadmap_model
from ui import (
    charts,
    compare_charts,
    continuity_view,
    handover_docs,
    palette,
    planview,
    reply_view,
    roadmap_charts,
    uncertainty_view,
)
from ui.changes import compare_rows, summarise_changes, unique_labels, value_text
from ui.docblocks import party_name as party_label  # someone in the RACI view
from ui.feedback import html_escape
from ui.findings import finding_text
from ui.fmt import hours, pct, sek
from ui.i18n import N_, _, t
from ui.problems import error_text

SCENARIO_CHARTS = ("coverage", "cost", "ranges", "load", "flow", "continuity")
# the hiring roadmap's, in a scenario with seats still to recruit or a growing workload
ROADMAP_CHARTS = ("roadmap-gantt", "roadmap-cost", "roadmap-coverage")
COMPARE_CHARTS = ("coverage", "cost", "load", "work")
CHART_CONFIG = {"displaylogo": False, "responsive": True,
                "toImageButtonOptions": {"format": "png", "scale": 2}}


@dataclass(frozen=True)
class ReportScenario:
    """A scenario as the report shows it: the user's name and note, its plan and catalog."""

    name: str
    note: str
    plan: Plan
    catalog: Catalog
    edited_assumptions: bool = False


def esc(text: object) -> str:
    return html_escape(text, quote=True)


def _multiline(text: str) -> str:
    return "<br>".join(esc(line) for line in text.splitlines())


class _Charts:
    """Turns figures into <div>s; the first one carries plotly.js, inlined."""

    def __init__(self) -> None:
        self.first = True
        self.ids: list[str] = []

    def div(self, fig: go.Figure, chart_id: str) -> str:
        include = self.first
        self.first = False
        self.ids.append(chart_id)
        # the charts carry Streamlit's theme placeholders for text: the report is light (ui/palette.py)
        body = palette.resolve(fig, "light").to_html(full_html=False, include_plotlyjs=include,
                                                     div_id=chart_id,
                           config=CHART_CONFIG, default_width="100%")
        return f'<figure class="chart">{body}</figure>'


CSS = """
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --accent:#2563eb; --good:#047857;
        --bad:#b91c1c; --goodbg:#ecfdf5; --badbg:#fef2f2; --changedbg:#eff6ff; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial,
       sans-serif; color:var(--ink); background:#fff; line-height:1.45; }
main { max-width: 1200px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 2.4rem; margin: .1em 0 .2em; overflow-wrap:anywhere; }
h2 { font-size: 1.5rem; margin: 2.2em 0 .6em; border-bottom: 2px solid var(--line); padding-bottom:.2em; }
h3 { font-size: 1.15rem; margin: 1.4em 0 .4em; overflow-wrap:anywhere; }
.kicker { color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase;
          font-size: .85rem; margin:0; }
.note { font-size: 1.1rem; background:#f9fafb; border-left: 4px solid var(--accent);
        padding: .6em 1em; margin: .8em 0; overflow-wrap:anywhere; }
.meta { color: var(--muted); font-size: .9rem; }
.tiles { display:grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 14px;
         margin: 1.4em 0; }
.tile { border:1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.tile .label { color: var(--muted); font-size: .95rem; }
.tile .value { font-size: 1.9rem; font-weight: 700; margin-top: .15em; }
.tile .delta { font-size: .95rem; margin-top: .2em; }
.chart { margin: 1em 0 1.6em; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; margin: .6em 0 1.2em; }
th, td { border-bottom: 1px solid var(--line); padding: .45em .6em; text-align: left;
         vertical-align: top; overflow-wrap: break-word; }
th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
td.better { background: var(--goodbg); color: var(--good); font-weight: 600; }
td.worse { background: var(--badbg); color: var(--bad); font-weight: 600; }
td.changed { background: var(--changedbg); }
.note.better { border-left-color: var(--good); }
.note.worse { border-left-color: var(--bad); }
.todo { color: var(--bad); font-weight: 600; }
.user { white-space: pre-wrap; overflow-wrap: anywhere; }
article { border: 1px solid var(--line); border-radius: 10px; padding: .4em 1.2em 1em; margin: 1em 0; }
.findings { list-style:none; padding:0; }
.findings li { border-left: 5px solid var(--line); padding: .5em .9em; margin: .5em 0; background:#fafafa; }
.findings li.critical { border-color: var(--bad); }
.findings li.warning { border-color: #d97706; }
.findings li.info { border-color: var(--accent); }
.sev { font-weight: 700; }
.changes ul { margin: .2em 0 .8em; }
.legend span { display:inline-block; padding: .1em .5em; border-radius: 4px; margin-right: .5em; }
footer { margin-top: 3em; color: var(--muted); font-size: .85rem; }
@media print { .chart { break-inside: avoid; } h2 { break-after: avoid; } }
"""


def _verdict_class(verdict: str) -> str:
    return "num" if verdict in ("base", "same") else f"num {verdict}"


def _page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{esc(t("app_title", "en"))}">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n"
            f"</main>\n</body>\n</html>\n")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]],
           classes: Iterable[Sequence[str]] | None = None) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    class_rows = list(classes) if classes is not None else None
    body = []
    for index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            css = class_rows[index][column] if class_rows else ""
            cells.append(f'<td class="{esc(css)}">{esc(value)}</td>' if css else f"<td>{esc(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _frame_table(frame) -> str:
    return _table([str(c) for c in frame.columns], frame.astype(str).itertuples(index=False))


def _generated(lang: str, at: datetime | None) -> str:
    at = (at or datetime.now(UTC)).astimezone(UTC)
    return _(lang, "Generated {time}", time=at.strftime("%Y-%m-%d %H:%M UTC"))


def _assumptions_text(item: ReportScenario, lang: str) -> str:
    return (_(lang, "edited assumptions") if item.edited_assumptions
            else _(lang, "default assumptions"))


def _tiles(item: ReportScenario, lang: str, baseline: Plan | None = None) -> str:
    tiles = []
    for headline in planview.headlines(item.plan, item.catalog, lang, baseline):
        delta = f'<div class="delta">{esc(headline.delta)}</div>' if headline.delta else ""
        tiles.append(f'<div class="tile" title="{esc(headline.help)}"><div class="label">'
                     f'{esc(headline.label)}</div><div class="value">{esc(headline.value)}</div>'
                     f"{delta}</div>")
    return f'<section class="tiles">{"".join(tiles)}</section>'


def _findings(item: ReportScenario, lang: str) -> str:
    findings = planview.ordered_findings(item.plan)
    if not findings:
        text = _(lang, "The plan breaks none of the guidance.")
        return f"<p>{esc(text)}</p>"
    entries = []
    for finding in findings:
        message, advice = finding_text(finding, item.catalog, lang)
        subject = planview.finding_subject(finding, item.catalog, lang)
        entries.append(
            f'<li class="{esc(finding.severity)}"><span class="sev">{esc(t(finding.severity, lang))}'
            f" · {esc(subject)}</span><br>{esc(message)}<br><em>{esc(_(lang, 'Advice'))}:</em> "
            f"{esc(advice)}</li>")
    return f'<ul class="findings">{"".join(entries)}</ul>'


RACI_HEADERS = {
    "capability": N_("Capability"),
    "responsible": N_("Responsible (does the work)"),
    "accountable": N_("Accountable (one)"),
    "consulted": N_("Consulted"),
    "informed": N_("Informed"),
    "why_accountable": N_("Why accountable"),
    "demand_hours_week": N_("Demand h/week"),
    "uncovered_hours_week": N_("Not done h/week"),
}


# Why a party is accountable (model/raci.py ACCOUNTABLE_RULES), in words.
WHY_ACCOUNTABLE = {
    "leadership": N_("Strategy is owned by marketing leadership"),
    "most_hours": N_("Carries most of the in-house hours"),
    "lead_owner": N_("Bought outside or not done: the internal orderer who leads the work briefs "
                     "and follows up"),
    "best_fit": N_("Nobody in-house does it or leads the work: the team member who fits it best"),
    "marketing_lead": N_("No in-house team: the head of marketing stays accountable"),
}
RACI_NOTE = N_("R carries the hours; A is exactly one person in-house who answers for the result "
               "(leadership for strategy, else whoever carries most in-house hours, else the internal "
               "orderer who leads the work); C has the know-how to be asked; I is kept informed.")


def raci_headers(lang: str) -> dict[str, str]:
    return {key: _(lang, msgid) for key, msgid in RACI_HEADERS.items()}


def raci_table(plan: Plan, catalog: Catalog, lang: str):
    """The RACI view as a table with translated column names, one row per capability (a pandas
    DataFrame, for display and CSV)."""
    import pandas as pd

    def names(items) -> str:
        return "; ".join(party_label(party, catalog, lang) for party in items)

    rows = []
    for line in raci(plan, catalog):
        responsible = "; ".join(f"{party_label(party, catalog, lang)} ({hours(value, lang)} h)"
                                for party, value in line.responsible)
        rows.append({
            "capability": _(lang, catalog.name(line.capability)),
            "responsible": responsible,
            "accountable": party_label(line.accountable, catalog, lang),
            "consulted": names(line.consulted),
            "informed": names(line.informed),
            "why_accountable": _(lang, WHY_ACCOUNTABLE[line.accountable_rule]),
            "demand_hours_week": round(line.demand, 1),
            "uncovered_hours_week": round(line.uncovered, 1),
        })
    return pd.DataFrame(rows, columns=list(RACI_HEADERS)).rename(columns=raci_headers(lang))


def raci_grid(plan: Plan, catalog: Catalog, lang: str):
    """The classic RACI grid: capabilities down, people and providers across, letters in the cells."""
    import pandas as pd

    lines = raci(plan, catalog)
    data = {party_label(party, catalog, lang): [line.letters(party) for line in lines]
            for party in parties(lines)}
    return pd.DataFrame(data, index=[_(lang, catalog.name(line.capability)) for line in lines])


def _inputs_table(items: Sequence[ReportScenario], labels: Sequence[str], lang: str) -> str:
    rows = []
    for spec in FIELD_SPECS:
        if spec.name == "team_size" and all(item.plan.scenario.team for item in items):
            continue
        rows.append([t(spec.name, lang)] + [
            value_text(spec.name, getattr(item.plan.scenario, spec.name), item.catalog, lang)
            for item in items])
    return _table([_(lang, "Input"), *labels], rows)


def scenario_report(item: ReportScenario, lang: str = "en", *, generated_at: datetime | None = None) -> str:
    """The report of one scenario: figures, the four charts, findings, RACI, assignments, inputs."""
    figures = {name: build(item.plan, item.catalog, lang) for name, build in (
        ("coverage", charts.coverage_chart), ("cost", charts.cost_chart),
        ("load", charts.load_chart), ("flow", charts.flow_chart))}
    divs = _Charts()
    holidays = continuity(item.plan, item.catalog)
    note = f'<p class="note">{_multiline(item.note)}</p>' if item.note.strip() else ""
    body = [
        f'<header><p class="kicker">{esc(t("app_title", lang))} · '
        f'{esc(_(lang, "scenario report"))}</p>',
        f"<h1>{esc(item.name)}</h1>{note}",
        f'<p class="meta">{esc(_generated(lang, generated_at))} · {esc(_assumptions_text(item, lang))}</p>'
        "</header>",
        _tiles(item, lang),
        f"<h2>{esc(_(lang, 'Coverage and cost'))}</h2>",
        divs.div(figures["coverage"], "chart-coverage"),
        divs.div(figures["cost"], "chart-cost"),
        _ranges(item, lang, divs),
        f"<h2>{esc(_(lang, 'Load and who does what'))}</h2>",
        divs.div(figures["load"], "chart-load"),
        divs.div(figures["flow"], "chart-flow"),
        f"<h2>{esc(_(lang, 'Findings and advice'))}</h2>",
        _findings(item, lang),
        continuity_view.report_html(holidays, item.plan, item.catalog, lang),
        divs.div(continuity_view.heatmap_figure(holidays, item.plan, item.catalog, lang), "chart-continuity"),
        reply_view.report_html(reply_delivery(item.plan, item.catalog), item.catalog, lang),
        handover_docs.briefs_report_html(item.plan, item.catalog, lang),
        handover_docs.roles_report_html(item.plan, item.catalog, lang),
        _roadmap(item, lang, divs, (generated_at or datetime.now(UTC)).date()),
        f"<h2>{esc(_(lang, 'Roles: RACI'))}</h2>",
        f"<p class=\"meta\">{esc(_(lang, RACI_NOTE))}</p>",
        _frame_table(raci_table(item.plan, item.catalog, lang)),
        f"<h2>{esc(_(lang, 'Who does what, and why'))}</h2>",
        _frame_table(planview.assignment_table(item.plan, item.catalog, lang)),
        f"<h2>{esc(_(lang, 'The scenario'))}</h2>",
        _inputs_table([item], [item.name], lang),
        _footer(lang),
    ]
    return _page(f"{item.name} · {t('app_title', lang)}", "\n".join(body), lang)


def _ranges(item: ReportScenario, lang: str, divs: _Charts) -> str:
    """How sure the plan is: P10-P90 of coverage, quality and cost over the draws of data/ranges.yaml
    (the Simulator's "Show ranges"), the whiskers per capability and person, and what they say."""
    title = f"<h2>{esc(_(lang, 'How sure is this plan?'))}</h2>"
    scenario = item.plan.scenario
    try:
        result = uncertainty_view.ranges_of(scenario, item.catalog)
    except CatalogError as error:
        return f"{title}<p>{esc(error_text(error, lang))}</p>"
    tiles = uncertainty_view.tiles(result, scenario.budget_sek, lang)  # coverage, quality, cost, overrun
    base = result.coverage.base, result.quality.base, result.cost.base
    single = [pct(base[0], lang), pct(base[1], lang), sek(base[2], lang), ""]
    table = _table([_(lang, "Figure"), _(lang, "Range"), _(lang, "Single-number plan")],
                   [(tile.label, tile.value, plan) for tile, plan in zip(tiles, single, strict=True)])
    chart = divs.div(uncertainty_view.bands_figure(result, item.catalog, lang), "chart-ranges")
    note = uncertainty_view.explanation(result, lang, scenario.budget_sek)
    return "\n".join([title, table, chart, f'<p class="meta">{esc(note)}</p>'])


def _roadmap(item: ReportScenario, lang: str, divs: _Charts, today) -> str:
    """The hiring roadmap (its three charts, the seats to recruit and the quarter table), when the
    scenario has seats still to recruit or a growing (or shrinking) workload; else nothing."""
    scenario = item.plan.scenario
    if scenario.hires == 0 and scenario.growth_per_quarter == 0:
        return ""
    title = f"<h2>{esc(_(lang, 'Hiring roadmap'))}</h2>"
    try:
        road = roadmap_model.roadmap(scenario, item.catalog)
    except CatalogError as error:
        return f"{title}<p>{esc(error_text(error, lang))}</p>"
    figures = roadmap_charts.roadmap_figures(road, item.catalog, lang, today)
    parts = [title, f'<p class="meta">{esc(roadmap_charts.objective_text(road, lang, today))}</p>',
             divs.div(figures["gantt"], "chart-roadmap-gantt")]
    if road.hires:
        parts.append(_frame_table(roadmap_charts.hire_table(road, item.catalog, lang, today)))
    parts += [divs.div(figures["cost"], "chart-roadmap-cost"),
              divs.div(figures["coverage"], "chart-roadmap-coverage"),
              f'<p class="meta">{esc(roadmap_charts.workload_text(road, lang))}</p>',
              _frame_table(roadmap_charts.quarter_table(road, item.catalog, lang, today))]
    return "\n".join(parts)


def _footer(lang: str) -> str:
    text = _(lang, "This file is self-contained: it opens offline and its charts stay interactive.")
    return f"<footer>{esc(t('app_title', lang))}. {esc(text)}</footer>"


def comparison_report(items: Sequence[ReportScenario], catalog: Catalog, lang: str = "en", *,
                      generated_at: datetime | None = None) -> str:
    """The report of two to four scenarios: the first is the baseline the others are held against."""
    if len(items) < 2:
        raise ValueError("a comparison needs at least two scenarios")
    labels = unique_labels([item.name for item in items])
    plans = [item.plan for item in items]
    pairs = list(zip(labels, plans, strict=True))
    divs = _Charts()
    body = [
        f'<header><p class="kicker">{esc(t("app_title", lang))} · '
        f'{esc(_(lang, "comparison"))}</p>',
        f"<h1>{esc(' · '.join(labels))}</h1>",
        f'<p class="meta">{esc(_generated(lang, generated_at))} · '
        f'{esc(_(lang, "Baseline: {name}", name=labels[0]))}</p></header>',
    ]
    for label, item in zip(labels, items, strict=True):
        body.append(f"<h3>{esc(label)}</h3>")
        if item.note.strip():
            body.append(f'<p class="note">{_multiline(item.note)}</p>')
        body.append(f'<p class="meta">{esc(_assumptions_text(item, lang))}</p>')
    body.append(f"<h2>{esc(_(lang, 'Headline figures'))}</h2>")
    legend = _(lang, "Against the baseline:")
    better, worse, changed = (_(lang, "better"), _(lang, "worse"),
                              _(lang, "changed"))
    body.append(f'<p class="legend meta">{esc(legend)} '
                f'<span style="background:var(--goodbg);color:var(--good)">{esc(better)}</span>'
                f'<span style="background:var(--badbg);color:var(--bad)">{esc(worse)}</span>'
                f'<span style="background:var(--changedbg)">{esc(changed)}</span></p>')
    rows = compare_rows(plans, lang, [item.catalog for item in items])
    body.append(_table(
        [_(lang, "Figure"), *labels],
        [[row.label, *row.values] for row in rows],
        [["", *[_verdict_class(row.verdict(i)) for i in range(len(plans))]] for row in rows]))
    figures = compare_charts.compare_figures(pairs, catalog, lang)
    body.append(f"<h2>{esc(_(lang, 'Side by side'))}</h2>")
    for name in COMPARE_CHARTS:
        body.append(divs.div(figures[name], f"chart-compare-{name}"))
    body.append(f"<h2>{esc(_(lang, 'What changed'))}</h2>")
    for label, item in zip(labels[1:], items[1:], strict=True):
        summary = summarise_changes(items[0].plan, item.plan, catalog, lang)
        body.append(f"<h3>{esc(labels[0])} → {esc(label)}</h3>")
        if summary.same_plan:
            same = _(lang, "Same inputs and the same plan.")
            body.append(f"<p>{esc(same)}</p>")
        sections = []
        for _key, title, lines in summary.sections():
            items_html = "".join(f"<li>{esc(line)}</li>" for line in lines)
            sections.append(f"<h4>{esc(title)}</h4><ul>{items_html}</ul>")
        body.append(f'<div class="changes">{"".join(sections)}</div>')
    body.append(f"<h2>{esc(_(lang, 'Findings and advice'))}</h2>")
    for label, item in zip(labels, items, strict=True):
        body.append(f"<h3>{esc(label)}</h3>{_findings(item, lang)}")
    body.append(f"<h2>{esc(_(lang, 'The scenarios'))}</h2>")
    body.append(_inputs_table(items, labels, lang))
    body.append(_footer(lang))
    title = _(lang, "Comparison") + ": " + " · ".join(labels)
    return _page(title, "\n".join(body), lang)


__all__ = ["COMPARE_CHARTS", "ROADMAP_CHARTS", "SCENARIO_CHARTS", "ReportScenario", "comparison_report",
           "esc", "party_label", "raci_grid", "raci_headers", "raci_table", "scenario_report"]
