"""The Compare page's comparison and meeting exports: two to four scenarios side by side (headline
cards, every figure with the differences highlighted, what changed, the charts, the HTML report),
and for one scenario its HTML report, YAML files and RACI."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from ui import compare_charts, compare_rank, planview, uncertainty_view
from ui.changes import compare_rows, summarise_changes, unique_labels
from ui.charts import CONFIG
from ui.compare_options import (
    BASELINE_KEY,
    MAX_COMPARE,
    PICK_KEY,
    Option,
    Shelf,
    baseline,
    baseline_offer,
    compared,
    pick_one,
    picked,
)
from ui.exports import csv_text
from ui.feedback import md_escape
from ui.i18n import _
from ui.report import comparison_report, esc, raci_grid, raci_table, scenario_report
from ui.saved import scenario_file_text

log = logging.getLogger("compare")
VERDICT_STYLE = {
    "better": "background-color: rgba(4,120,87,0.16); color: #047857; font-weight: 600",
    "worse": "background-color: rgba(185,28,28,0.14); color: #b91c1c; font-weight: 600",
    "changed": "background-color: rgba(37,99,235,0.12)",
}


def file_stem(text: str) -> str:
    cleaned = "".join(char if char.isalnum() or char in "-_" else "-" for char in text.strip().lower())
    cleaned = "-".join(part for part in cleaned.split("-") if part)
    return cleaned[:60] or "scenario"


def _safe_report(build: Callable[[], str], what: str, lang: str) -> Callable[[], str]:
    """A deferred download that never fails with a traceback: a short HTML note instead."""
    def run() -> str:
        try:
            return build()
        except Exception:  # noqa: BLE001 - the download must still give the user a page
            log.exception("report failed: %s", what)
            text = _(lang, "The report could not be built. Try again or reload the page.")
            return (f"<!DOCTYPE html><meta charset='utf-8'><title>{esc(_(lang, 'Report'))}</title>"
                    f"<p>{esc(text)}</p>")
    return run


def headline_cards(items: list[Option], labels: list[str], lang: str) -> None:
    base = items[0].plan
    for index, (column, option) in enumerate(zip(st.columns(len(items)), items, strict=True)):
        with column.container(border=True):
            title = f"**{md_escape(labels[index])}**"
            if index == 0:
                title += " · " + _(lang, "baseline")
            st.markdown(title)
            if option.note:
                st.caption(md_escape(option.note))
            for headline in planview.headlines(option.plan, option.catalog, lang,
                                               None if index == 0 else base):
                st.metric(headline.label, headline.value, delta=headline.delta,
                          delta_color=headline.delta_color, help=headline.help)


def differences_table(items: list[Option], labels: list[str], lang: str) -> None:
    figure_column = _(lang, "Figure")
    compared = compare_rows([option.plan for option in items], lang, [option.catalog for option in items])
    frame = pd.DataFrame([[row.label, *row.values] for row in compared], columns=[figure_column, *labels])
    styles = pd.DataFrame([["", *[VERDICT_STYLE.get(row.verdict(i), "") for i in range(len(items))]]
                           for row in compared], columns=frame.columns)
    st.dataframe(frame.style.apply(lambda _: styles, axis=None), hide_index=True, width="stretch",
                 height=38 + 35 * len(frame))
    st.caption(_(lang, "Green: better than the baseline; red: worse; blue: different without a better or "
                       "worse."))


def change_summaries(items: list[Option], labels: list[str], lang: str) -> None:
    for label, option in zip(labels[1:], items[1:], strict=True):
        summary = summarise_changes(items[0].plan, option.plan, option.catalog, lang)
        with st.container(border=True):
            st.markdown(f"**{md_escape(labels[0])} → {md_escape(label)}**")
            if summary.same_plan:
                st.caption(_(lang, "Same inputs and the same plan."))
                continue
            for _key, title, lines in summary.sections():
                st.markdown(f"*{md_escape(title)}*  \n" + "\n".join(f"- {md_escape(line)}" for line in lines))


def _choose(shelf: Shelf) -> list[Option]:
    """The multiselect of the scenarios to compare and the selectbox of the baseline; the
    scenarios compared, the baseline first."""
    lang, options = shelf.lang, shelf.options
    st.session_state[PICK_KEY] = picked(shelf)  # the defaults, or the choice less what is gone
    picks_column, baseline_column = st.columns([3, 1], vertical_alignment="bottom")
    with picks_column:
        picks = st.multiselect(
            _(lang, "Scenarios to compare (two to four)"), list(options), key=PICK_KEY,
            format_func=shelf.label_of, max_selections=MAX_COMPARE, persist_state="session",
            placeholder=_(lang, "Choose scenarios"))
    offer = baseline_offer(shelf, picks)
    if offer:
        st.session_state[BASELINE_KEY] = baseline(shelf, picks)
        baseline_column.selectbox(_(lang, "Baseline"), offer, key=BASELINE_KEY, format_func=shelf.label_of,
                                  persist_state="session",
                                  help=_(lang, "The scenario the others are held against: it comes first, "
                                               "and the differences, the changes and the report are "
                                               "counted from it."))
    items, left_out = compared(shelf)
    for option in left_out:
        st.caption(md_escape(_(lang, "Four scenarios fit side by side, so “{name}” is left out: take another "
                                     "one out of the comparison to bring it in.", name=option.label)))
    return items


def compare_section(shelf: Shelf) -> None:
    lang = shelf.lang
    st.subheader(_(lang, "Compare side by side"))
    items = _choose(shelf)
    if len(items) < 2:
        st.info(_(lang, "Pick at least two scenarios: the current one in the sidebar and saved ones. Save a "
                        "scenario above to have something to compare with."))
        return
    labels = unique_labels([option.label for option in items])
    headline_cards(items, labels, lang)
    compare_rank.ranking_section(items, labels, lang)
    with st.expander(_(lang, "All figures, with the differences highlighted"), expanded=True):
        differences_table(items, labels, lang)
    uncertainty_view.wins_section(items, labels, lang)
    st.markdown(f"#### {_(lang, 'What changed')}")
    change_summaries(items, labels, lang)
    pairs = list(zip(labels, [option.plan for option in items], strict=True))
    figures = compare_charts.compare_figures(pairs, shelf.context.catalog, lang)
    st.plotly_chart(figures["coverage"], config=CONFIG, key="cmp_chart_coverage")
    cost_column, work_column = st.columns(2, gap="large")
    with cost_column:
        st.plotly_chart(figures["cost"], config=CONFIG, key="cmp_chart_cost")
    with work_column:
        st.plotly_chart(figures["work"], config=CONFIG, key="cmp_chart_work")
    st.plotly_chart(figures["load"], config=CONFIG, key="cmp_chart_load")
    report_items = [shelf.report_item(option) for option in items]
    names = unique_labels([item.name for item in report_items])
    st.download_button(
        _(lang, "Download the comparison as an HTML report"),
        data=_safe_report(lambda: comparison_report(report_items, shelf.context.catalog, lang,
                                                    generated_at=datetime.now(UTC)), "comparison", lang),
        file_name="comparison-" + file_stem("-".join(names))[:60] + ".html", mime="text/html",
        icon=":material/download:", on_click="ignore", key="cmp_download_comparison", type="primary")
    st.caption(_(lang, "One file that opens offline in any browser, with interactive charts."))


def exports_section(shelf: Shelf) -> None:
    lang = shelf.lang
    st.subheader(_(lang, "Meeting exports"))
    st.caption(_(lang, "For one scenario: a report to send, the scenario as a file to share or upload "
                       "again, and who is responsible for what. The presentation view (top right) shows the "
                       "compared scenarios large."))
    option = pick_one(shelf)
    stem = file_stem(option.label if option.saved else "current-scenario")
    report, yaml_column, assumptions_column = st.columns(3)
    report.download_button(
        _(lang, "HTML report"), key="cmp_download_report", icon=":material/description:",
        data=_safe_report(lambda: scenario_report(shelf.report_item(option), lang,
                                                  generated_at=datetime.now(UTC)), "scenario", lang),
        file_name=f"{stem}.html", mime="text/html", on_click="ignore", width="stretch")
    yaml_column.download_button(
        _(lang, "Scenario (YAML)"), key="cmp_download_yaml", icon=":material/download:",
        data=scenario_file_text(option.scenario, name=option.label if option.saved else None,
                                note=option.note or None,
                                exported_at=datetime.now(UTC).replace(microsecond=0)),
        file_name=f"{stem}.yaml", mime="application/x-yaml", on_click="ignore", width="stretch")
    if option.edited:
        assumptions_column.download_button(
            _(lang, "Its assumptions (YAML)"), key="cmp_download_assumptions",
            icon=":material/tune:", data=option.catalog.to_yaml(), file_name=f"{stem}-assumptions.yaml",
            mime="application/x-yaml", on_click="ignore", width="stretch")
    st.markdown(f"#### {_(lang, 'Who is responsible for what (RACI)')}")
    st.caption(_(lang, "R does the work (hours per week); A answers for the result, exactly one person "
                       "in-house per capability (leadership for strategy, else whoever carries most "
                       "in-house hours, else the internal orderer who leads the work); C is asked for their "
                       "know-how; I is kept informed."))
    grid = st.toggle(_(lang, "Show as a grid of letters"),
                     key="cmp_raci_grid")
    table = raci_table(option.plan, option.catalog, lang)
    if grid:
        st.dataframe(raci_grid(option.plan, option.catalog, lang), width="stretch")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(_(lang, "RACI (CSV)"), key="cmp_download_raci", icon=":material/table:",
                       data=csv_text(table), file_name=f"{stem}-raci.csv",
                       mime="text/csv", on_click="ignore")
