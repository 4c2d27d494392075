"""The Capabilities page: the nine capabilities of social media work, the in-house roles and
outside providers that fit each, and the guidance the model checks, from data/ in the chosen
language, with how the current scenario stands on each."""

from __future__ import annotations

import streamlit as st

from model.fmt import fit as fmt_fit
from model.fmt import hours, pct
from model.vocab import CAPABILITIES
from ui import guidance
from ui.charts import CONFIG, fit_matrix_chart, provider_label
from ui.i18n import t, tr
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
    status = (f":{SEVERITY_COLOR[rule.severity]}-badge[{tr(lang, 'broken now', 'bryts nu')}]" if hit
              else f":green-badge[{tr(lang, 'met now', 'uppfylls nu')}]")
    number = f"{tr(lang, 'Guidance', 'Råd')} {rule.guidance} · " if rule.guidance else ""
    advice = rule.advice.get(lang, rule.advice["en"])
    return (f"- {status} :{SEVERITY_COLOR[rule.severity]}[{t(rule.severity, lang)}] · {number}"
            f"{guidance.rule_summary(rule, catalog, lang)}  \n  *{tr(lang, 'Advice', 'Råd')}:* {advice}")


def _scenario_line(cap: str) -> str:
    demand = plan.demand.get(cap, 0.0)
    if demand <= 1e-9:
        return tr(lang, "No work of this kind in your scenario.", "Inget sådant arbete i ditt scenario.")
    carriers: dict[str, float] = {}
    for line in plan.assignments:
        if line.capability == cap and line.hours > 1e-9:
            name = provider_label(line.provider_type, line.provider, line.seat, catalog, lang)
            carriers[name] = carriers.get(name, 0.0) + line.hours
    unit = "h/vecka" if lang == "sv" else "h/week"
    who = ", ".join(f"{name} ({hours(value, lang)} {unit})" for name, value in carriers.items())
    text = tr(lang, f"{hours(demand, lang)} {unit} of work, covered at {pct(plan.coverage[cap], lang)}",
              f"{hours(demand, lang)} {unit} arbete, täckt till {pct(plan.coverage[cap], lang)}")
    text += f": {who}." if who else "."
    left = plan.uncovered.get(cap, 0.0)
    if left > 1e-6:
        text += tr(lang, f" **{hours(left, lang)} {unit} is not done.**",
                   f" **{hours(left, lang)} {unit} blir inte gjort.**")
    return text


st.title(t("page_capabilities", lang))
st.caption(tr(
    lang,
    "The nine capabilities of social media work, who can do each (in-house roles and outside options, "
    "with how well they fit), and the guidance the simulator checks — with where your scenario stands.",
    "De nio kapabiliteterna i arbetet med sociala medier, vem som kan utföra dem (interna roller och "
    "externa alternativ, med hur väl de passar) och råden som simulatorn kontrollerar — och var ditt "
    "scenario står.",
))
st.markdown(f"**{tr(lang, 'One person cannot do everything.', 'En person kan inte göra allt.')}** " + tr(
    lang,
    f"Fit runs from 0 to 1: from {fmt_fit(catalog.settings.strong_fit, lang)} a role counts as a specialist, "
    f"from {fmt_fit(catalog.settings.primary_fit, lang)} it does the work well and an outside option "
    f"can be bought for it; below that a person takes it only as a stretch, and under "
    f"{fmt_fit(catalog.settings.min_fit, lang)} nobody is trusted with it at all.",
    f"Matchning går från 0 till 1: från {fmt_fit(catalog.settings.strong_fit, lang)} räknas en roll som "
    f"specialist, från {fmt_fit(catalog.settings.primary_fit, lang)} gör den arbetet bra och kan ett "
    f"externt alternativ köpas för det; under det tar en person det bara som nödlösning, och under "
    f"{fmt_fit(catalog.settings.min_fit, lang)} anförtros ingen arbetet alls.",
))

for index, cap in enumerate(CAPABILITIES, start=1):
    capability = catalog.capability(cap)
    with st.container(border=True, key=f"capability_{cap}"):
        optional = f" :gray-badge[{tr(lang, 'optional', 'valfri')}]" if capability.optional else ""
        about_column, roles_column, external_column = st.columns([1.2, 1, 1], gap="medium")
        with about_column:
            st.subheader(f"{index}. {catalog.name(cap, lang)}{optional}", anchor=cap)
            st.markdown(capability.description.get(lang, capability.description["en"]))
            st.caption(":material/insights: " + _scenario_line(cap))
        with roles_column:
            _options(tr(lang, "In-house roles", "Interna roller"), guidance.role_options(catalog, cap, lang),
                     tr(lang, "No in-house role fits.", "Ingen intern roll passar."))
        with external_column:
            in_house_only = guidance.in_house_only(catalog, cap)
            empty = (tr(lang, "None: this must be done in-house.", "Inga: detta måste göras internt.")
                     if in_house_only else tr(lang, "No outside provider in the catalog does this.",
                                              "Ingen extern leverantör i katalogen gör detta."))
            _options(tr(lang, "Outside options", "Externa alternativ"),
                     [] if in_house_only else guidance.provider_options(catalog, cap, lang), empty,
                     external=True)
        rules = guidance.rules_for(catalog, cap)
        if rules:
            st.markdown(f"**{tr(lang, 'Guidance', 'Råd')}**")
            st.markdown("\n".join(_rule_line(rule, cap) for rule in rules))

st.header(tr(lang, "Guidance for the whole plan", "Råd för hela planen"))
st.markdown("\n".join(_rule_line(rule, None) for rule in guidance.general_rules(catalog)))

with st.expander(tr(lang, "The guidance behind the rules", "Råden bakom reglerna"), expanded=False):
    st.markdown("\n".join(f"{number}. {text.get(lang, text['en'])}"
                          for number, text in guidance.GUIDANCE.items()))
    st.caption(tr(lang, "After a Swedish social media consultant's account of close to 300 organisations.",
                  "Efter en svensk konsults erfarenhet från närmare 300 organisationer."))

st.plotly_chart(_fit_matrix(catalog.fingerprint, lang, catalog), config=CONFIG, key="chart_fit")
