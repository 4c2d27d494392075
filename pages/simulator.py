"""The Simulator page: who does what in the scenario, what it costs, what is uncovered and why."""

from __future__ import annotations

import streamlit as st

from model import Scenario
from ui import (
    continuity_view,
    declined_view,
    goalseek_view,
    planview,
    reply_view,
    retainers_view,
    uncertainty_view,
)
from ui.charts import CONFIG
from ui.figures import plan_figures, plan_tables
from ui.findings import finding_text
from ui.i18n import _, t
from ui.state import get_context, plan_for, scenario_key

SEVERITY_BOX = {"critical": st.error, "warning": st.warning, "info": st.info}
SEVERITY_ICON = {"critical": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}

context = get_context()
lang, catalog, scenario = context.lang, context.catalog, context.scenario
plan = context.plan


def _previous(current: Scenario) -> Scenario | None:
    """The scenario before the last change in this session (None before the first change)."""
    key = scenario_key(current)
    if st.session_state.get("_sim_last_key") != key:
        if st.session_state.get("_sim_last") is not None:
            st.session_state["_sim_previous"] = st.session_state["_sim_last"]
        st.session_state["_sim_last"] = current
        st.session_state["_sim_last_key"] = key
    return st.session_state.get("_sim_previous")


def _baseline() -> tuple[Scenario | None, str]:
    previous = _previous(scenario)
    preset = st.session_state.get("baseline")
    options = {}
    if isinstance(preset, Scenario):
        options["preset"] = _(lang, "the preset")
    if previous is not None:
        options["previous"] = _(lang, "the previous scenario")
    if not options:
        return None, ""
    choice = next(iter(options))
    if len(options) > 1:
        choice = st.segmented_control(
            _(lang, "Changes against"), list(options), format_func=options.get,
            key="delta_against", default=choice, label_visibility="collapsed") or choice
    chosen = preset if choice == "preset" else previous
    return (chosen if chosen != scenario else None), options[choice]


st.title(t("page_simulator", lang))
st.caption(_(lang, "Who does what in your scenario, what it costs, what is left undone and why. Change the "
                   "team, budget and workload in the sidebar; the address bar is a link to this scenario."))

top_left, top_right = st.columns([4, 2], vertical_alignment="bottom")
with top_right:
    baseline_scenario, baseline_name = _baseline()
baseline_plan = plan_for(baseline_scenario, catalog) if baseline_scenario is not None else None
with top_left:
    if baseline_name and baseline_plan is None:
        st.caption(_(lang, "Same as {baseline_name}: no changes to show.", baseline_name=baseline_name))

description = _(lang, "against {baseline_name}", baseline_name=baseline_name) if baseline_plan else None
least = (min(goalseek_view.least_for(scenario, catalog).cost, plan.cost.total)  # the plan is an answer too
         if plan.overall_coverage > 0 else None)
headlines = planview.headlines(plan, catalog, lang, baseline_plan, least=least)
for column, headline in zip(st.columns([1.35, 0.9, 1, 1.4, 0.9]), headlines, strict=True):
    column.metric(headline.label, headline.value, delta=headline.delta, delta_color=headline.delta_color,
                  help=headline.help, border=True,
                  delta_description=description if headline.delta else None)
goalseek_view.render(scenario, plan, catalog, lang)

figures = plan_figures(scenario, catalog, lang)
chart_left, chart_right = st.columns([3, 2], gap="large")
with chart_left:
    st.plotly_chart(figures["coverage"], config=CONFIG, key="chart_coverage")
with chart_right:
    st.subheader(_(lang, "Findings and advice"))
    findings = planview.ordered_findings(plan)
    if not findings:
        st.success(_(lang, "The plan breaks none of the guidance."),
                   icon=":material/check_circle:")
    with st.container(height=560 if len(findings) > 3 else "content", border=False):
        for finding in findings:
            message, advice = finding_text(finding, catalog, lang)
            subject = planview.finding_subject(finding, catalog, lang)
            SEVERITY_BOX[finding.severity](
                f"**{t(finding.severity, lang)} · {subject}**  \n{message}  \n"
                f"*{_(lang, 'Advice')}:* {advice}",
                icon=SEVERITY_ICON[finding.severity],
            )

limits_text = planview.limits_summary(plan, catalog, lang)
if limits_text:
    st.subheader(_(lang, "What limits this plan"))
    st.markdown(limits_text)
    with st.expander(_(lang, "What more money or time would add")):
        st.table(planview.limits_table(plan, catalog, lang), hide_index=True, border="horizontal")
        st.caption(_(lang, "Each row is the plan found again with that one change and the same team and "
                           "agencies; Trade-offs ranks whole moves."))

uncertainty_view.render(scenario, plan, catalog, lang)

declined = declined_view.declined_lines(plan, catalog, lang)
if declined:
    with st.expander(_(lang, "Agencies not in the plan, and why")):
        st.markdown("\n".join(f"- {line}" for line in declined))
retainers_view.summary(plan, catalog, lang)

continuity_view.render(plan, catalog, lang)
reply_view.render(plan, catalog, lang)

st.plotly_chart(figures["cost"], config=CONFIG, key="chart_cost")
st.plotly_chart(figures["load"], config=CONFIG, key="chart_load")
st.plotly_chart(figures["flow"], config=CONFIG, key="chart_flow")

st.subheader(_(lang, "Who does what, and why"))
table, csv = plan_tables(scenario, catalog, lang)
st.table(table, hide_index=True, border="horizontal")

download_column, link_column = st.columns([1.4, 3], vertical_alignment="top")
with download_column:
    st.download_button(
        _(lang, "Download the plan (CSV)"),
        data=csv, file_name="social-media-plan.csv",
        mime="text/csv", icon=":material/download:", on_click="ignore",
    )
    st.download_button(
        _(lang, "Download the scenario (YAML)"),
        data=scenario.to_yaml(), file_name="scenario.yaml", mime="application/x-yaml",
        icon=":material/download:", on_click="ignore",
    )
with link_column:
    st.markdown(f"**{_(lang, 'Share link to this scenario')}**")
    url = st.context.url if hasattr(st.context, "url") else None
    st.code(planview.share_link(url, scenario, lang), language=None, wrap_lines=True)
    st.caption(_(lang, "Copy it with the button at the right of the box; whoever opens it sees exactly this "
                       "scenario, on any page."))
