"""The presentation view's pieces for a board meeting, as HTML and figures. Pure: no Streamlit.

    html_text = screen_html(BoardItem("Agency", note, plan, catalog), "sv", baseline=base_item)
    html_text = side_by_side_html([base_item, other_item], "en")
    fig = large(coverage_chart(plan, catalog, "en"))

Headline tiles: coverage, cost per year, in-house share, people and critical findings, all on one
row with no text that wraps, from 1280×720 up. Every size is in container units (`cqi`, a
hundredth of the board's width) with a floor, so the tiles scale with the width they get; money is
in millions (`fmt.msek`: "2.5 MSEK", "2,5 mnkr"); a line that would still not fit (a very long
translation) ends in an ellipsis, with the whole text in the tooltip. tests/browser/
test_presentation.py measures that nothing wraps or is cut at 1280×720 and 1920×1080.

Every text a user typed (names, notes) and every text from data is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from numbers import Number

import plotly.graph_objects as go

from model import Catalog, Plan
from ui import planview
from ui.feedback import html_escape
from ui.findings import finding_text
from ui.fmt import hours, msek, number, pct, points, sek
from ui.i18n import _, n_, t

TOP_FINDINGS = 3
# Chart text in the presentation view (px): a board room reads it from across the table.
CHART_TITLE, CHART_TEXT, CHART_TICKS = 28, 20, 18
LEGEND_GAP = 60  # px between the plot and a legend below it: room for the tick labels

CSS = """<style>
.pv-board{container-type:inline-size;width:100%}
.pv-title{font-size:clamp(26px,3.3cqi,60px);font-weight:800;line-height:1.1;overflow-wrap:anywhere}
.pv-kicker{font-size:clamp(14px,1.4cqi,28px);opacity:.75}
.pv-note{font-size:clamp(15px,1.45cqi,28px);opacity:.8;margin-top:.5cqi;white-space:pre-line;
 overflow-wrap:anywhere}
.pv-answer{font-size:clamp(17px,1.8cqi,34px);font-weight:650;margin-top:.8cqi;padding:.5cqi 1.1cqi;
 border-left:6px solid #2563eb;background:rgba(37,99,235,.08);border-radius:6px}
.pv-tiles,.pv-row{display:grid;gap:1.1cqi;margin:1.1cqi 0 .6cqi}
.pv-tiles{grid-template-columns:repeat(5,minmax(0,1fr))}
.pv-row{grid-template-columns:minmax(0,1.5fr) repeat(5,minmax(0,1fr));align-items:stretch;margin:.7cqi 0}
.pv-tile{border:1px solid rgba(128,128,128,.38);border-radius:12px;padding:1cqi 1.2cqi;min-width:0}
.pv-tile>div,.pv-name>div,.pv-head>div{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pv-label{font-size:clamp(13px,1.45cqi,30px);opacity:.75;line-height:1.3}
.pv-value{font-size:clamp(22px,3.5cqi,72px);font-weight:700;line-height:1.15;margin-top:.25cqi}
.pv-row .pv-value{font-size:clamp(20px,2.7cqi,58px);margin-top:0}
.pv-sub,.pv-delta{font-size:clamp(12px,1.3cqi,28px);line-height:1.3;margin-top:.2cqi;opacity:.85}
.pv-good{color:#15803d;opacity:1}.pv-bad{color:#dc2626;opacity:1}
.pv-head{align-items:end;margin-bottom:0}.pv-head .pv-label{padding:0 1.2cqi}
.pv-name{align-self:center;min-width:0}
.pv-name .pv-option{font-size:clamp(16px,1.75cqi,36px);font-weight:700;line-height:1.2}
.pv-name .pv-sub{opacity:.7}
.pv-caption{font-size:clamp(12px,1.1cqi,24px);opacity:.7}
.pv-h{font-size:clamp(18px,1.9cqi,38px);font-weight:700;margin:1.6cqi 0 .4cqi}
.pv-cols{display:grid;gap:2cqi}
.pv-findings{list-style:none;padding:0 !important;margin:0 !important}
.pv-findings li{border-left:6px solid rgba(128,128,128,.5);padding:.5cqi 1cqi;margin:.7cqi 0;
 font-size:clamp(14px,1.35cqi,28px);line-height:1.35;background:rgba(128,128,128,.06);border-radius:4px;
 margin-left:0 !important}
.pv-findings li.critical{border-color:#dc2626}.pv-findings li.warning{border-color:#d97706}
.pv-findings li.info{border-color:#2563eb}
.pv-sev{font-weight:700}.pv-advice{opacity:.8;font-size:.88em;margin-top:.2em}
</style>"""


@dataclass(frozen=True)
class BoardItem:
    """A scenario as the board sees it: its name (the saved one), its note and its plan."""

    name: str
    note: str
    plan: Plan
    catalog: Catalog
    answer: str | None = None  # the goal-seek answer ("85 % coverage costs at least 2.1 MSEK a year")
    least: float | None = None  # the least cost of the same coverage and quality (SEK a year)


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    value: str
    sub: str = ""
    delta: str = ""
    tone: str = ""  # "good", "bad" or "" (neither): the change against the baseline
    help: str = ""


def esc(text: object) -> str:
    return html_escape(text, quote=True)


def _signed(text: str, change: float) -> str:
    """'+0.4 MSEK', '−0.4 MSEK' (a real minus sign in big type), '±0'."""
    text = text.lstrip("-−+±")
    return ("+" if change > 1e-9 else "−" if change < -1e-9 else "±") + text


def _money(amount: float, lang: str) -> str:
    """A change in cost: in millions from 0.1 MSEK (so it never reads '0.0 MSEK'), else in kronor."""
    return msek(amount, lang) if amount >= 95_000 else sek(amount, lang)


def _tone(change: float, better: str) -> str:
    if abs(change) < 1e-9 or not better:
        return ""
    return "good" if (change > 0) == (better == "up") else "bad"


def tiles(plan: Plan, catalog: Catalog, lang: str, baseline: Plan | None = None,
          least: float | None = None) -> list[Tile]:
    """The five headline tiles of a plan, with the change against `baseline` when it is given:
    coverage (and the hours not done), quality (and the findings), cost (against the least cost of
    the same coverage and quality, when known), the in-house share, and people over capacity."""
    cost = plan.cost
    people = [person for person in plan.people if person.in_team]
    over = sum(1 for person in people if person.utilisation > 1 + 1e-9)
    asked = plan.scenario.team_size if not plan.scenario.team else len(people)
    uncovered = sum(plan.uncovered.values())
    base_over = (sum(1 for person in baseline.people if person.in_team and person.utilisation > 1 + 1e-9)
                 if baseline else 0)
    helps = {headline.key: headline.help for headline in planview.headlines(plan, catalog, lang)}
    external = 1 - plan.in_house_share if cost.total > 0 else 0.0
    rows: list[tuple[str, str, str, str, float | None, Callable[[float], str], str]] = [
        ("coverage", _(lang, "Coverage"), pct(plan.overall_coverage, lang),
         _(lang, "{hours} h/week not done", hours=hours(uncovered, lang)) if uncovered > 0.05
         else _(lang, "all of the work done"),
         baseline and plan.overall_coverage - baseline.overall_coverage,
         lambda change: points(change, lang, signed=True), "up"),
        ("quality", _(lang, "Quality (fit)"), number(plan.overall_quality, lang, 2),
         _(lang, "{critical} critical · {warnings} warnings", critical=number(plan.count("critical"), lang),
           warnings=number(plan.count("warning"), lang)),
         baseline and plan.overall_quality - baseline.overall_quality,
         lambda change: number(abs(change), lang, 2), "up"),
        ("cost", _(lang, "Cost per year"), msek(cost.total, lang),
         _(lang, "{amount} over budget", amount=msek(cost.total - cost.budget, lang))
         if cost.total > cost.budget + 0.5 else
         (_(lang, "least {amount}", amount=msek(least, lang)) if least is not None
          else _(lang, "budget {amount}", amount=msek(cost.budget, lang))),
         baseline and cost.total - baseline.cost.total, lambda change: _money(abs(change), lang), "down"),
        ("in_house_share", _(lang, "In-house share"), pct(plan.in_house_share, lang),
         _(lang, "external {share}", share=pct(external, lang)),
         baseline and plan.in_house_share - baseline.in_house_share,
         lambda change: points(change, lang, signed=True), ""),
        ("over_capacity", _(lang, "Over capacity"),
         _(lang, "{over} of {people}", over=number(over, lang), people=number(len(people), lang)),
         _(lang, "{filled} of {number} seats filled", filled=number(len(people), lang),
           number=number(asked, lang)) if len(people) < asked
         else _(lang, "{hours} h/week", hours=hours(sum(person.hours for person in people), lang)),
         baseline and over - base_over, lambda change: number(abs(change), lang), "down"),
    ]
    out = []
    for key, label, value, sub, change, show, better in rows:
        delta, tone = "", ""
        if baseline is not None and change is not None:
            delta, tone = _signed(show(change), change), _tone(change, better)
        out.append(Tile(key, label, value, sub, delta, tone, helps.get(key, "")))
    return out


def top_findings(plan: Plan, catalog: Catalog, lang: str,
                 count: int = TOP_FINDINGS) -> list[tuple[str, str, str, str]]:
    """The `count` most severe findings as (severity, subject, message, advice), in words."""
    out = []
    for finding in planview.ordered_findings(plan)[:count]:
        message, advice = finding_text(finding, catalog, lang)
        out.append((finding.severity, planview.finding_subject(finding, catalog, lang), message, advice))
    return out


def _tile_html(tile: Tile, label: bool = True, sub: bool = True) -> str:
    tone = f" pv-{tile.tone}" if tile.tone else ""
    parts = [f"<div class='pv-label'>{esc(tile.label)}</div>" if label else "",
             f"<div class='pv-value'>{esc(tile.value)}</div>",
             f"<div class='pv-sub'>{esc(tile.sub)}</div>" if sub else "",
             f"<div class='pv-delta{tone}'>{esc(tile.delta)}</div>" if tile.delta else ""]
    title = f"{tile.label}: {tile.value}" + (f" ({tile.delta})" if tile.delta else "") + (
        f". {tile.help}" if tile.help else "")
    return (f"<div class='pv-tile' data-tile='{esc(tile.key)}' title='{esc(title)}'>"
            f"{''.join(parts)}</div>")


def findings_html(item: BoardItem, lang: str, advice: bool = True) -> str:
    """The most severe findings of the item, or that it breaks none of the guidance."""
    entries = []
    for severity, subject, message, advice_text in top_findings(item.plan, item.catalog, lang):
        advice_html = (f"<div class='pv-advice'>{esc(_(lang, 'Advice'))}: {esc(advice_text)}</div>"
                       if advice and advice_text else "")
        entries.append(f"<li class='{esc(severity)}'><span class='pv-sev'>{esc(t(severity, lang))} · "
                       f"{esc(subject)}</span><br>{esc(message)}{advice_html}</li>")
    if not entries:
        entries.append(f"<li class='info'>{esc(_(lang, 'The plan breaks none of the guidance.'))}</li>")
    more = len(item.plan.findings) - TOP_FINDINGS
    rest = n_(lang, "{count} more in the report", "{count} more in the report", more) if more > 0 else ""
    tail = f"<div class='pv-caption'>{esc(rest)}</div>" if rest else ""
    return f"<ul class='pv-findings'>{''.join(entries)}</ul>{tail}"


def _answer_html(item: BoardItem) -> str:
    return f"<div class='pv-answer'>{esc(item.answer)}</div>" if item.answer else ""


def screen_html(item: BoardItem, lang: str, baseline: BoardItem | None = None) -> str:
    """One option on its own screen: its name, note and goal-seek answer, the tiles (with the
    change against the baseline unless it is the baseline), and its most severe findings."""
    kicker = (_(lang, "Baseline") if baseline is None
              else _(lang, "Against the baseline: {name}", name=baseline.name))
    note = f"<div class='pv-note'>{esc(item.note.strip())}</div>" if item.note.strip() else ""
    row = tiles(item.plan, item.catalog, lang, None if baseline is None else baseline.plan, item.least)
    return (f"{CSS}<div class='pv-board'><div class='pv-kicker'>{esc(kicker)}</div>"
            f"<div class='pv-title'>{esc(item.name)}</div>{note}{_answer_html(item)}"
            f"<div class='pv-tiles'>{''.join(_tile_html(tile) for tile in row)}</div>"
            f"<div class='pv-h'>{esc(_(lang, 'Findings and advice'))}</div>{findings_html(item, lang)}</div>")


def side_by_side_html(items: Sequence[BoardItem], lang: str) -> str:
    """Two to four options, the baseline first: one row of tiles each under one row of labels,
    then each option's most severe findings in a column."""
    base = items[0]
    labels = tiles(base.plan, base.catalog, lang)
    head = "".join(f"<div class='pv-label'>{esc(tile.label)}</div>" for tile in labels)
    rows = [f"<div class='pv-row pv-head'><div></div>{head}</div>"]
    for index, item in enumerate(items):
        marker = _(lang, "Baseline") if index == 0 else ""
        row = tiles(item.plan, item.catalog, lang, None if index == 0 else base.plan, item.least)
        rows.append(f"<div class='pv-row'><div class='pv-name' title='{esc(item.name)}'>"
                    f"<div class='pv-option'>{esc(item.name)}</div>"
                    f"<div class='pv-sub'>{esc(marker)}</div></div>"
                    f"{''.join(_tile_html(tile, label=False, sub=False) for tile in row)}</div>")
    columns = "".join(f"<div><div class='pv-h'>{esc(item.name)}</div>{_answer_html(item)}"
                      f"{findings_html(item, lang, advice=False)}</div>" for item in items)
    kicker = _(lang, "Baseline: {name}", name=base.name)
    grid = f"grid-template-columns:repeat({len(items)},minmax(0,1fr))"
    return (f"{CSS}<div class='pv-board'><div class='pv-kicker'>{esc(kicker)}</div>"
            f"<div class='pv-title'>{esc(_(lang, 'The options side by side'))}</div>{''.join(rows)}"
            f"<div class='pv-cols' style='{grid}'>{columns}</div></div>")


def large(fig: go.Figure) -> go.Figure:
    """The figure (changed in place) in the presentation view's sizes: titles CHART_TITLE px, text
    CHART_TEXT px, ticks, legend, bar labels and notes at least CHART_TICKS px."""
    fig.update_layout(font={"size": CHART_TEXT}, title={"font": {"size": CHART_TITLE}},
                      legend={"font": {"size": CHART_TICKS}}, hoverlabel={"font": {"size": CHART_TICKS}})
    fig.update_xaxes(tickfont={"size": CHART_TICKS}, title={"font": {"size": CHART_TEXT}})
    fig.update_yaxes(tickfont={"size": CHART_TICKS}, title={"font": {"size": CHART_TEXT}})
    for trace in fig.data:
        size = getattr(getattr(trace, "textfont", None), "size", None)
        if size is not None and isinstance(size, Number) and size < CHART_TICKS:
            trace.textfont.size = CHART_TICKS
    for note in fig.layout.annotations:
        if not isinstance(note.font.size, Number) or note.font.size < CHART_TICKS:
            note.font.size = CHART_TICKS
    # bar labels that no longer fit their bar at a readable size are left out (the hover has them)
    fig.update_layout(uniformtext={"minsize": CHART_TICKS - 2, "mode": "hide"})
    legend, margin = fig.layout.legend, fig.layout.margin
    if isinstance(legend.y, Number) and legend.y < 0:  # a legend below the plot clears the larger ticks
        plot = max((fig.layout.height or 450) - (margin.t or 0) - (margin.b or 0), 100)
        fig.update_layout(legend={"y": -max(-legend.y, LEGEND_GAP / plot)})
    return fig


__all__ = ["CHART_TEXT", "CHART_TICKS", "CHART_TITLE", "CSS", "TOP_FINDINGS", "BoardItem", "Tile",
           "findings_html", "large", "screen_html", "side_by_side_html", "tiles", "top_findings"]
