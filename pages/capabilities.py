"""The Capabilities page: the nine capabilities of social media work, the in-house roles and
outside providers that fit each, and the guidance the model checks, from data/ in the chosen
language, with how the current scenario stands on each."""

from __future__ import annotations

import streamlit as st

from model import CAPABILITIES
from ui import guidance
from ui.charts import CONFIG, fit_matrix_chart, provider_label
from ui.fmt import fit as fmt_fit
from ui.fmt import hours, pct
from ui.i18n import _, t
from ui.state import get_context

SEVERITY_ICON = {"critical": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}
SEVERITY_COLOR = {"critical": "red", "warning": "orange", "info": "blue"}

context = get_context()
lang, catalog = context.lang, context.catalog
plan = context.plan
broken = {(finding.rule_id, finding.capability) for finding in plan.findings}
broken_rules = {finding.rule_id for finding in plan.findings}


@st.cache_resource(max_entries=16, show_spinner=False)
def _fit_matrix(fingerprint: str, lang: str, _catalog) -> object:
    return fit_matrix_chart(_catalog, lang)


def _options(title: str, options: list[guidance.Option], empty: str, external: bool = False) -> None:
    st.markdown(f"**{title}**")
    if not options:
        st.caption(empty)
        return
    lines = []
    for option in options:
        level = guidance.level_name(option.level, lang)
        tag = f" · *{level}*" if option.level == "specialist" or not external else ""
        lines.append(f"- **{fmt_fit(option.fit, lang)}** {option.name}{tag} · :gray[{option.detail}]")
    st.markdown("\n".join(lines))


def _rule_line(rule, capability: str | None) -> str:
    single = capability is not None and rule.params.get("capability") == capability
    hit = (rule.id, capability) in broken if single else rule.id in broken_rules
    status = (f":{SEVERITY_COLOR[rule.severity]}-badge[{_(lang, 'broken now')}]" if hit
              else f":green-badge[{_(lang, 'met now')}]")
    heading = guidance.guidance_text(rule.guidance, lang) if rule.guidance else ""
    source = f"  \n  :gray[{_(lang, 'From the guidance: {guidance}', guidance=heading)}]" if heading else ""
    return (f"- {status} :{SEVERITY_COLOR[rule.severity]}[{t(rule.severity, lang)}] · "
            f"{guidance.rule_summary(rule, catalog, lang)}  \n  *{_(lang, 'Advice')}:* "
            f"{guidance.rule_advice(rule, catalog, lang)}{source}")


def _scenario_line(cap: str) -> str:
    demand = plan.demand.get(cap, 0.0)
    if demand <= 1e-9:
        return _(lang, "No work of this kind in your scenario.")
    carriers: dict[str, float] = {}
    for line in plan.assignments:
        if line.capability == cap and line.hours > 1e-9:
            name = provider_label(line.provider_type, line.provider, line.seat, catalog, lang)
            carriers[name] = carriers.get(name, 0.0) + line.hours
    unit = _(lang, "h/week")
    who = ", ".join(f"{name} ({hours(value, lang)} {unit})" for name, value in carriers.items())
    text = _(lang, "{hours} {unit} of work, covered at {pct}",
             hours=hours(demand, lang), unit=unit, pct=pct(plan.coverage[cap], lang))
    text += f": {who}." if who else "."
    left = plan.uncovered.get(cap, 0.0)
    if left > 1e-6:
        text += _(lang, " **{hours} {unit} is not done.**", hours=hours(left, lang), unit=unit)
    return text


st.title(t("page_capabilities", lang))
st.caption(_(lang, "The nine capabilities of social media work, who can do each (in-house roles and outside "
                   "options, with how well they fit), and the guidance the simulator checks — with where "
                   "your scenario stands."))
st.markdown(f"**{_(lang, 'One person cannot do everything.')}** " + _(
    lang, "Fit runs from 0 to 1: from {specialist} a role counts as a specialist, from {capable} it does "
          "the work well and an outside option can be bought for it; below that a person takes it only "
          "as a stretch, and under {minimum} nobody is trusted with it at all.",
    specialist=fmt_fit(catalog.settings.strong_fit, lang),
    capable=fmt_fit(catalog.settings.primary_fit, lang), minimum=fmt_fit(catalog.settings.min_fit, lang)))

for index, cap in enumerate(CAPABILITIES, start=1):
    capability = catalog.capability(cap)
    with st.container(border=True, key=f"capability_{cap}"):
        optional = f" :gray-badge[{_(lang, 'optional')}]" if capability.optional else ""
        about_column, roles_column, external_column = st.columns([1.2, 1, 1], gap="medium")
        with about_column:
            st.subheader(f"{index}. {_(lang, catalog.name(cap))}{optional}", anchor=cap)
            st.markdown(_(lang, capability.description))
            st.caption(":material/insights: " + _scenario_line(cap))
        with roles_column:
            _options(_(lang, "In-house roles"), guidance.role_options(catalog, cap, lang),
                     _(lang, "No in-house role fits."))
        with external_column:
            in_house_only = guidance.in_house_only(catalog, cap)
            empty = (_(lang, "None: this must be done in-house.")
                     if in_house_only else _(lang, "No outside provider in the catalog does this."))
            _options(_(lang, "Outside options"),
                     [] if in_house_only else guidance.provider_options(catalog, cap, lang), empty,
                     external=True)
        rules = guidance.rules_for(catalog, cap)
        if rules:
            st.markdown(f"**{_(lang, 'Guidance')}**")
            st.markdown("\n".join(_rule_line(rule, cap) for rule in rules))

st.header(_(lang, "Guidance for the whole plan"))
st.markdown("\n".join(_rule_line(rule, None) for rule in guidance.general_rules(catalog)))

with st.expander(_(lang, "The guidance behind the rules"), expanded=False):
    st.markdown("\n".join(f"{number}. {guidance.guidance_text(number, lang)}"
                          for number in guidance.GUIDANCE))
    st.caption(_(lang, "After a Swedish social media consultant's account of close to 300 organisations."))

st.plotly_chart(_fit_matrix(catalog.fingerprint, lang, catalog), config=CONFIG, key="chart_fit")
