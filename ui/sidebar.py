"""The sidebar every page shares: language, preset, team and budget, workload, team
composition and sourcing. Scalar inputs are bound to the URL with bind="query-params";
the id lists (team, outsource, insource) and lang are kept in the URL by hand, because bound
selection widgets would write their translated labels into the link, and so are the budget and
the video share, whose sliders show MSEK and per cent while the link keeps SEK and a 0..1 share."""

from __future__ import annotations

import os

import streamlit as st

from model import CAPABILITIES, FIELD_SPECS, ROLES, SPECS, Scenario
from ui import retainers_view
from ui.fmt import sek as format_sek
from ui.fmt import slider_format
from ui.i18n import LANGS, PSEUDO, _, n_, t
from ui.problems import problem_text
from ui.state import (
    PAGE_FIELDS,
    PLAIN_FIELDS,
    SCALAR_FIELDS,
    Context,
    apply_scenario,
    current_catalog,
    keep_widget,
    plan_for,
    set_context,
)

# widget: (kind, step) for each scalar field; the range comes from model.scenario.FIELD_SPECS
WIDGETS = {
    "team_size": ("slider", 1),
    "budget_sek": ("slider", 100_000),
    "channels": ("slider", 1),
    "posts_per_week": ("number", 1),
    "video_share": ("slider", 0.05),
    "inbound_per_week": ("number", 10),
    "ad_spend_sek_month": ("number", 5_000),
    "influencers": ("number", 1),
    "org_size": ("number", 10),
    "marketing_lead_hours": ("slider", 0.5),
    "volunteer_hours": ("slider", 1.0),
    "target_coverage": ("slider", 0.05),
    "handling_minutes": ("number", 0.5),
    "business_units": ("number", 1),
    "brands": ("number", 1),
    "languages": ("number", 1),
}
# How a slider writes its value, in the language's style (ui.fmt.slider_format: kind, decimals);
# the other sliders are small whole numbers. Number inputs keep Streamlit's plain digits: their
# format also shapes the text being edited, and "1 500 000 kr" would not parse back.
SLIDER_FORMATS = {
    "budget_sek": ("decimal", 0),
    "video_share": ("percent100", 0),
    "marketing_lead_hours": ("decimal", 0),
    "volunteer_hours": ("number", 0),
    "target_coverage": ("percent100", 0),
}
# The inputs that matter most come first.
WORKLOAD = ("posts_per_week", "inbound_per_week", "ad_spend_sek_month", "org_size", "channels",
            "video_share", "influencers", "marketing_lead_hours", "volunteer_hours")
# Inputs shown in the unit people think in, kept in the scenario and the link in the model's unit
# (an old link opens unchanged): field -> (widget key, label key, the widget's unit per model unit).
# Their widgets are not bound to the link: the sidebar writes these parameters by hand.
SHOWN_AS = {
    "budget_sek": ("budget_msek", "budget_msek", 1e-6),  # SEK a year, shown in MSEK
    "video_share": ("video_pct", "video_share", 100),  # a 0..1 share, shown in per cent
    "target_coverage": ("target_pct", "target_coverage", 100),  # likewise
}


def widget_key(name: str) -> str:
    """The key of the sidebar widget that edits scenario field `name`."""
    return SHOWN_AS[name][0] if name in SHOWN_AS else name


def to_widget(name: str, value: float) -> float:
    """A scenario value in its widget's unit (2_500_000 SEK -> 2.5 MSEK, 0.3 -> 30.0 %)."""
    return float(round(value * SHOWN_AS[name][2], 6))


def from_widget(name: str, value: float) -> int | float:
    """A widget's value back in the scenario's unit (whole kronor for the budget)."""
    exact = value / SHOWN_AS[name][2]
    return round(exact) if SPECS[name].kind == "int" else round(exact, 9)


def _url_lists() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


PSEUDO_ENV = "SOCIAL_SIM_PSEUDO_LOCALE"  # "1": the pseudo-locale qps may be chosen (tests only)


def languages() -> list[str]:
    """The languages on offer: English and every catalog, plus the pseudo-locale in tests."""
    return list(LANGS) + ([PSEUDO] if os.environ.get(PSEUDO_ENV) == "1" else [])


def _language_name(code: str) -> str:
    return LANGS.get(code) or "Pseudo (qps)"


def current_language() -> str:
    """The language in force: the sidebar's choice, else the link's `lang`, else the browser's."""
    offered = languages()
    chosen = st.session_state.get("lang")
    if chosen in offered:
        return chosen
    lang = (st.query_params.get_all("lang") or [""])[-1]
    if lang in offered:
        return lang
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    return "sv" if locale.lower().startswith("sv") else "en"


def _initialise() -> None:
    """First run of a session: read the link once, note what was wrong in it."""
    params = _url_lists()
    scenario = Scenario.from_query_params(params)
    invalid = [name for name in SCALAR_FIELDS if any(note.get("key") == name for note in scenario.notes)]
    bad = list(invalid)
    if scenario.team:  # an explicit team decides the size; a stale team_size must not win
        bad.append("team_size")
    # Bound widgets seed themselves from the link on the first run; values we refused are put
    # right on an immediate second run, where code-set session state wins over the link.
    st.session_state["_pending"] = {name: getattr(scenario, name) for name in bad}
    apply_scenario(scenario)
    st.session_state["lang"] = current_language()
    st.session_state["url_notes"] = list(scenario.notes)
    st.session_state["_initialised"] = True
    # A value Streamlit itself cannot parse (`?inbound_per_week=inf` overflows int() in the
    # number input) would raise while the bound widget seeds itself from the link. Take the
    # refused values out of the link (not bound yet on this first run) and start over from it.
    refused = [name for name in invalid if name in params]
    if refused:
        for name in refused:
            del st.query_params[name]
        st.rerun()


def _widget_changed(name: str) -> None:
    st.session_state[name] = from_widget(name, st.session_state[widget_key(name)])


def _shown_as(name: str, lang: str) -> None:
    """A slider in the unit people think in. The scenario's value (st.session_state[name]: the
    link, a preset, an applied move) is put into the widget whenever the two differ, and only a
    move of the widget changes the scenario: a budget off the 0.1 MSEK steps (an old link's
    2,150,000) stays exactly what it was until the slider is moved."""
    spec = SPECS[name]
    key, label, _factor = SHOWN_AS[name]
    value = st.session_state[name]
    low = to_widget(name, spec.low)  # what the slider shows when the browser has no value for it
    shown = st.session_state.get(key)
    if shown is None or from_widget(name, shown) != value:
        shown = to_widget(name, value)
    keep_widget(key, shown, default=low)  # sent again on every run
    step = to_widget(name, WIDGETS[name][1])
    st.slider(t(label, lang), min_value=low, max_value=to_widget(name, spec.high),
              step=step, key=key, format=slider_format(lang, *SLIDER_FORMATS[name]),
              on_change=_widget_changed, args=(name,),
              help=t(f"{name}_help", lang) if f"{name}_help" in _HELP else None)


def _scalar(name: str, lang: str) -> None:
    if name in SHOWN_AS:
        _shown_as(name, lang)
        return
    spec = SPECS[name]
    kind, step = WIDGETS[name]
    is_float = spec.kind == "float"
    low = float(spec.low) if is_float else int(spec.low)
    high = float(spec.high) if is_float else int(spec.high)
    step = float(step) if is_float else int(step)
    label = t(name, lang)
    # The widget's default must be the Scenario's: a bound widget drops its parameter from the
    # URL when the value equals the widget default, and a link without it means the Scenario
    # default. (Without `value`, the default would be min_value: team_size=0 would vanish from
    # the link and reopen as 2.)
    default = float(spec.default) if is_float else int(spec.default)
    keep_widget(name, default=default)
    if kind == "slider":
        style = SLIDER_FORMATS.get(name)
        st.slider(label, min_value=low, max_value=high, value=default, step=step, key=name,
                  format=slider_format(lang, *style) if style else None,
                  bind="query-params", help=t(f"{name}_help", lang) if f"{name}_help" in _HELP else None)
    else:
        st.number_input(label, min_value=low, max_value=high, value=default, step=step, key=name,
                        bind="query-params",
                        help=t(f"{name}_help", lang) if f"{name}_help" in _HELP else None)


_HELP = {"team_size_help", "budget_help", "target_coverage_help", "influencers_help",
         "handling_minutes_help"}
# Fields the sidebar writes into the link by hand, left out at their default (no bound widget)
MANUAL_FIELDS = ("reply_hours", "reply_window", *PAGE_FIELDS,
                 *[name for name in PLAIN_FIELDS if name != "reply_window"])
ORGANISATION = ("business_units", "brands", "languages")


def _organisation(lang: str) -> None:
    """The organisation model (Altimeter) and the units, brands and languages that scale the work."""
    keep_widget("org_model", default=SPECS["org_model"].choices[0])
    st.selectbox(t("org_model", lang), list(SPECS["org_model"].choices), key="org_model",
                 help=t("org_model_help", lang), format_func=lambda model: t(f"org_{model}", lang))
    for name in ORGANISATION:
        _scalar(name, lang)


def _promise_label(hours: float, lang: str) -> str:
    if hours < 1:
        return _(lang, "{minutes} minutes", minutes=round(hours * 60))
    whole = int(hours) if float(hours).is_integer() else hours
    return n_(lang, "{count} hour", "{count} hours", whole) if isinstance(whole, int) else \
        _(lang, "{hours} hours", hours=whole)


def _reply_promise(lang: str) -> None:
    """The reply-time promise: how fast, during which hours, and the handling time per message."""
    reply = current_catalog().reply
    st.markdown(f"**{t('reply_promise', lang)}**")
    offered = list(reply.promises)
    if st.session_state.get("reply_hours") not in offered:  # a link's own value stays on offer
        offered = sorted({*offered, float(st.session_state.get("reply_hours", SPECS["reply_hours"].default))})
    keep_widget("reply_hours", default=offered[0])
    keep_widget("reply_window", default=next(iter(reply.windows)))
    st.selectbox(t("reply_hours", lang), offered, key="reply_hours",
                 format_func=lambda hours: _promise_label(hours, lang), help=t("reply_hours_help", lang))
    st.selectbox(t("reply_window", lang), list(reply.windows), key="reply_window",
                 format_func=lambda window: _(lang, reply.windows[window].name))
    _scalar("handling_minutes", lang)


def _apply_preset() -> None:
    preset_id = st.session_state.get("preset_choice")
    preset = current_catalog().presets.get(preset_id) if preset_id else None
    if preset is not None:
        apply_scenario(preset.scenario)
        st.session_state["baseline"] = preset.scenario


def _resize_team(size: int) -> list[str]:
    catalog = current_catalog()
    roles = list(st.session_state.get("team_roles") or [])
    roles = roles[:size] + [catalog.ladder_role(index) for index in range(len(roles), size)]
    for index, role in enumerate(roles):
        if st.session_state.get(f"seat_role_{index}") not in ROLES:
            st.session_state[f"seat_role_{index}"] = role
    st.session_state["team_roles"] = roles
    return roles


def _chosen_roles() -> list[str]:
    """The roles the plan chose for the sidebar's team size (the team the page shows)."""
    values = {name: st.session_state[name] for name in SCALAR_FIELDS}
    values.update({name: st.session_state.get(name, SPECS[name].default) for name in PLAIN_FIELDS})
    values.update(team=[], outsource=st.session_state.get("outsource") or [],
                  insource=st.session_state.get("insource") or [],
                  retainers=retainers_view.texts(retainers_view.current()))
    plan = plan_for(Scenario.from_mapping(values), current_catalog())
    return [person.role for person in plan.people if person.in_team]


def _toggle_custom() -> None:
    """Turning "choose the roles" on starts from the roles the plan chose, so nothing changes
    until a seat is changed."""
    if st.session_state.get("team_custom"):
        st.session_state["team_roles"] = _chosen_roles()
        roles = _resize_team(st.session_state["team_size"])
        for index, role in enumerate(roles):
            st.session_state[f"seat_role_{index}"] = role


def _remove_seat(index: int) -> None:
    roles = [st.session_state.get(f"seat_role_{i}") for i in range(st.session_state["team_size"])]
    del roles[index]
    for i, role in enumerate(roles):
        st.session_state[f"seat_role_{i}"] = role
    st.session_state["team_roles"] = roles
    st.session_state["team_size"] = len(roles)


def _add_seat() -> None:
    size = st.session_state["team_size"]
    if size >= SPECS["team_size"].high:
        return
    roles = [st.session_state.get(f"seat_role_{i}") for i in range(size)]
    new_role = current_catalog().ladder_role(size)
    st.session_state[f"seat_role_{size}"] = new_role
    st.session_state["team_roles"] = roles + [new_role]
    st.session_state["team_size"] = size + 1


def _team_editor(lang: str) -> tuple[str, ...]:
    catalog = current_catalog()
    keep_widget("team_custom", default=False)
    custom = st.toggle(t("custom_team", lang), key="team_custom", on_change=_toggle_custom)
    size = st.session_state["team_size"]
    if not custom:
        if size == 0:
            st.caption(t("no_team", lang))
        else:
            st.caption(t("ladder_caption", lang))
        return ()
    _resize_team(size)
    roles = []
    for index in range(size):
        left, right = st.columns([5, 1], vertical_alignment="bottom")
        keep_widget(f"seat_role_{index}", default=ROLES[0])
        left.selectbox(f"{t('seat', lang)} {index + 1}", ROLES, key=f"seat_role_{index}",
                       format_func=lambda role: _(lang, catalog.name(role)))
        right.button("✕", key=f"seat_remove_{index}", on_click=_remove_seat, args=(index,),
                     help=t("remove_seat", lang))
        roles.append(st.session_state[f"seat_role_{index}"])
    st.button(t("add_seat", lang), on_click=_add_seat, disabled=size >= SPECS["team_size"].high)
    st.session_state["team_roles"] = roles
    return tuple(roles)


def _sourcing(lang: str) -> None:
    catalog = current_catalog()
    # one list excludes what the other holds: a capability is outsourced or kept in, not both
    for name, other in (("outsource", "insource"), ("insource", "outsource")):
        taken = set(st.session_state.get(other) or [])
        options = [cap for cap in CAPABILITIES if cap not in taken]
        keep_widget(name, default=[])
        st.multiselect(t(name, lang), options, key=name, format_func=lambda cap: _(lang, catalog.name(cap)))
    retainers_view.editor(catalog, lang)


def _write_manual_params(scenario: Scenario, lang: str) -> None:
    wanted = {"lang": [lang], "team": list(scenario.team), "outsource": list(scenario.outsource),
              "insource": list(scenario.insource), "retainers": retainers_view.texts(scenario.retainers)}
    shown = scenario.to_query_params()
    for name in (*SHOWN_AS, *MANUAL_FIELDS):  # in the model's unit; left out at the default, as a
        # bound widget does
        wanted[name] = [] if getattr(scenario, name) == SPECS[name].default else [shown[name]]
    for key, values in wanted.items():
        if st.query_params.get_all(key) == values:
            continue
        if values:
            st.query_params[key] = values
        elif key in st.query_params:
            del st.query_params[key]


def render_sidebar() -> Context:
    """Draw the shared sidebar and return the scenario, language and catalog in force."""
    first_run = not st.session_state.get("_initialised")
    if first_run:
        _initialise()
    elif st.session_state.get("_pending"):
        st.session_state.update(st.session_state.pop("_pending"))
    catalog = current_catalog()
    with st.sidebar:
        keep_widget("lang", default=languages()[0])
        lang = st.radio(t("language", "en") + " / " + t("language", "sv"), languages(), key="lang",
                        format_func=_language_name, horizontal=True)
        st.selectbox(t("preset", lang), list(catalog.presets), index=None, key="preset_choice",
                     placeholder=t("preset_placeholder", lang), on_change=_apply_preset,
                     format_func=lambda pid: _(lang, catalog.presets[pid].name))
        _scalar("team_size", lang)
        _scalar("budget_sek", lang)
        st.caption(format_sek(st.session_state["budget_sek"], lang) + " · " + t("budget_help", lang))
        _scalar("target_coverage", lang)
        with st.expander(t("workload", lang), expanded=True):
            for name in WORKLOAD:
                _scalar(name, lang)
            _reply_promise(lang)
        with st.expander(t("organisation", lang), expanded=False):
            _organisation(lang)
        with st.expander(t("team", lang), expanded=False):
            team = _team_editor(lang)
        with st.expander(t("sourcing", lang), expanded=False):
            _sourcing(lang)
        notes = st.session_state.get("url_notes") or []
        if notes:
            st.warning(t("url_notes", lang) + "\n\n" + "\n".join(f"- {problem_text(problem, lang)}"
                                                                 for problem in notes))
    values = {name: st.session_state[name] for name in SCALAR_FIELDS}
    values.update({name: st.session_state.get(name, SPECS[name].default) for name in PLAIN_FIELDS})
    values.update(team=list(team), outsource=st.session_state.get("outsource") or [],
                  insource=st.session_state.get("insource") or [],
                  retainers=retainers_view.texts(retainers_view.current()))
    scenario = Scenario.from_mapping(values)
    if first_run and st.session_state.get("_pending"):
        st.rerun()
    _write_manual_params(scenario, lang)
    context = Context(scenario, lang, catalog)
    set_context(context)
    return context


__all__ = ["FIELD_SPECS", "render_sidebar"]
