"""The first visit's step, "Describe your organisation": a short form over the Simulator that fills
the sidebar (and so the link) with the organisation a newcomer describes.

It opens once per session, on the first run, when the Simulator is the page opened and the link
carries nothing but the language: a shared link (any scenario parameter, a workspace) opens its
scenario directly. Submitting, "Skip" (the defaults) or dismissing it (Esc, the ✕, a click
outside) closes it for the rest of the session. The form is one st.form: Enter in any field
submits it, and Tab moves through the fields row by row.
"""

from __future__ import annotations

import streamlit as st

from model import ROLES, SPECS, Scenario
from ui.fmt import decimal, read_number
from ui.i18n import _, t
from ui.state import Context, apply_scenario, current_catalog

STATE = "_onboarding"  # "pending" (first run, link without a scenario), "open" while it shows, "done"
FORM = "onboarding"
PREFIX = "onb_"
# The form's number fields, row by row (two a row): what matters most to the plan first.
ROWS = (("org_size", "channels"), ("posts_per_week", "inbound_per_week"),
        ("ad_spend_sek_month", "influencers"), ("team_size", "budget_sek"))
STEPS = {"org_size": 10, "channels": 1, "posts_per_week": 1, "inbound_per_week": 10,
         "ad_spend_sek_month": 5_000, "influencers": 1, "team_size": 1}
MSEK = 1_000_000
# What a link may carry and still open the step: the language and Streamlit's embedding options.
# Anything else (a scenario field, a workspace, even a refused value) is a link someone shared.
NOT_A_SCENARIO = frozenset({"lang", "embed", "embed_options"})


def note_link() -> None:
    """On the session's first run, before anything takes a parameter out of the link (app.py calls
    it first): the step may open only when the link holds no parameter but the app's own."""
    if STATE in st.session_state:
        return
    try:
        link_keys = {str(key) for key in st.query_params}
    except Exception:  # noqa: BLE001 - no query parameters (a bare script run): no step
        link_keys = {"?"}
    st.session_state[STATE] = "pending" if link_keys <= NOT_A_SCENARIO else "done"


def is_open() -> bool:
    return st.session_state.get(STATE) == "open"


def _close() -> None:
    st.session_state[STATE] = "done"


def described(base: Scenario, values: dict) -> Scenario:
    """The scenario the form describes: `base` (what the sidebar holds) with the form's values.
    Named roles make the team (its size follows); without them the plan picks the roles for the
    number of people given. The budget is given in MSEK and kept in whole kronor."""
    mapping = base.to_dict()
    mapping.update({name: values[name] for name in STEPS if name in values})
    mapping["budget_sek"] = round(float(values["budget_msek"]) * MSEK)
    roles = [role for role in values.get("roles") or () if role in ROLES]
    mapping["team"] = roles
    if roles:
        mapping["team_size"] = len(roles)
    return Scenario.from_mapping(mapping)


def _submit(base: Scenario) -> None:
    values = {name: st.session_state.get(PREFIX + name) for name in STEPS}
    budget = read_number(st.session_state.get(PREFIX + "budget_msek") or "")
    if budget is None or not 0 <= budget <= SPECS["budget_sek"].high / MSEK:
        st.session_state[PREFIX + "error"] = True  # the step stays open and says what to write
        return
    st.session_state[PREFIX + "error"] = False
    values["budget_msek"] = budget
    values["roles"] = st.session_state.get(PREFIX + "roles") or []
    apply_scenario(described(base, values))
    _close()


def _number(name: str, lang: str, base: Scenario) -> None:
    """One number field. What needs saying is a caption under it rather than a help icon: an icon
    is one more stop for the Tab key between two fields."""
    spec = SPECS[name]
    if name == "budget_sek":
        # Text, read by ui.fmt.read_number: a number field (<input type=number>) drops a typed
        # decimal comma, so '2,5' would become 25 MSEK.
        st.text_input(t("budget_msek", lang), value=decimal(base.budget_sek / MSEK, lang, 6),
                      key=PREFIX + "budget_msek", max_chars=20)
        if st.session_state.get(PREFIX + "error"):
            st.error(_(lang, "Write the budget in MSEK, between 0 and {most}: for example {example}.",
                       most=decimal(spec.high / MSEK, lang), example=decimal(2.5, lang)))
        st.caption(t("budget_help", lang))
        return
    label = _(lang, "People working on social media today") if name == "team_size" else t(name, lang)
    st.number_input(label, min_value=int(spec.low), max_value=int(spec.high), value=int(getattr(base, name)),
                    step=STEPS[name], key=PREFIX + name)
    if name == "team_size":
        st.caption(_(lang, "Not counting the head of marketing. Or name their roles below."))
    elif name == "influencers":
        st.caption(t("influencers_help", lang))


def _body(context: Context) -> None:
    lang, base = context.lang, context.scenario
    catalog = current_catalog()
    st.write(_(lang, "A few figures about your organisation give a first plan: who does what, what it "
                     "costs and what is left undone. You can change everything later in the sidebar."))
    with st.form(FORM, border=False, enter_to_submit=True):
        for row in ROWS:
            for column, name in zip(st.columns(2), row, strict=True):
                with column:
                    _number(name, lang, base)
        st.multiselect(_(lang, "Their roles (optional)"), ROLES, default=list(base.team),
                       key=PREFIX + "roles", format_func=lambda role: _(lang, catalog.name(role)),
                       placeholder=_(lang, "Let the simulator choose"))
        st.caption(_(lang, "Name the roles you have, and the team is those roles; leave it empty "
                           "and the simulator picks the best roles for that many people."))
        left, right = st.columns(2)
        # the first submit button is the one Enter presses
        left.form_submit_button(_(lang, "Show my plan"), type="primary", on_click=_submit, args=(base,),
                                width="stretch")
        right.form_submit_button(_(lang, "Skip"), on_click=_close, width="stretch",
                                 help=_(lang, "Start from the defaults and change them in the sidebar."))
    if not is_open():  # submitted or skipped (the callbacks ran before this rerun)
        st.rerun()


def render(context: Context, on_start_page: bool) -> None:
    """Show the step while it is open (app.py calls this after the sidebar, on every run). It opens
    only if the first page opened is the start page (the Simulator)."""
    if st.session_state.get(STATE) == "pending":
        st.session_state[STATE] = "open" if on_start_page else "done"
    if not is_open():
        return
    dialog = st.dialog(_(context.lang, "Describe your organisation"), width="large", on_dismiss=_close)
    dialog(_body)(context)
