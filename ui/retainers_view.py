"""The sidebar's retainers: agencies or freelancers the organisation already retains, with the
capabilities in scope and a fee a month. Kept in session state as their texts (the URL's form,
`provider:cap+cap:fee`) under KEY; the sidebar writes them into the link."""

from __future__ import annotations

import streamlit as st

from model import CAPABILITIES, MAX_RETAINERS, PROVIDERS, Catalog, Plan, Retainer, Scenario
from ui.changes import retainer_text
from ui.fmt import hours, sek
from ui.i18n import _

KEY = "retainers"
PREFIX = "ret_"


def current() -> tuple[Retainer, ...]:
    """The retainers in the sidebar now (texts that do not read are left out)."""
    out = []
    for text in st.session_state.get(KEY) or []:
        try:
            out.append(Scenario(retainers=(text,)).retainers[0])
        except ValueError:
            continue
    return tuple(out)


def texts(retainers) -> list[str]:
    return [retainer.text for retainer in retainers]


def _remove(index: int) -> None:
    items = list(st.session_state.get(KEY) or [])
    if 0 <= index < len(items):
        del items[index]
    st.session_state[KEY] = items


def _add(catalog: Catalog) -> None:
    provider = st.session_state.get(PREFIX + "provider")
    scope = tuple(st.session_state.get(PREFIX + "scope") or ())
    fee = int(st.session_state.get(PREFIX + "fee") or 0)
    if provider not in PROVIDERS or not scope or fee <= 0:
        st.session_state[PREFIX + "error"] = True
        return
    st.session_state[PREFIX + "error"] = False
    retainer = Retainer(provider=provider, scope=tuple(c for c in CAPABILITIES if c in scope),
                        fee_sek_month=fee)
    items = list(st.session_state.get(KEY) or [])
    if len(items) < MAX_RETAINERS:
        st.session_state[KEY] = items + [retainer.text]


def _fitting(catalog: Catalog, provider: str) -> list[str]:
    fit = catalog.providers[provider].fit
    return [cap for cap in CAPABILITIES if fit.get(cap, 0.0) >= catalog.settings.primary_fit]


def editor(catalog: Catalog, lang: str) -> tuple[Retainer, ...]:
    """Draw the list and the form to add one; return the retainers in force."""
    retainers = current()
    st.markdown("**" + _(lang, "Retainers") + "**")
    st.caption(_(lang, "An agency or freelancer you already retain: the plan uses the hours the fee buys "
                       "for the work in scope, and counts the fee in full."))
    for index, retainer in enumerate(retainers):
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(retainer_text(retainer, catalog, lang))
        right.button("✕", key=f"{PREFIX}remove_{index}", on_click=_remove, args=(index,),
                     help=_(lang, "Remove this retainer"))
    if len(retainers) >= MAX_RETAINERS:
        return retainers
    with st.popover(_(lang, "Add a retainer"), icon=":material/add:"):
        provider = st.selectbox(_(lang, "Provider"), PROVIDERS, key=PREFIX + "provider",
                                format_func=lambda pid: _(lang, catalog.name(pid)))
        fitting = _fitting(catalog, provider)
        if st.session_state.get(PREFIX + "scope_for") != provider:  # a new provider: its own scope
            st.session_state[PREFIX + "scope"] = fitting[:1]
            minimum = catalog.providers[provider].min_retainer_sek_month
            st.session_state[PREFIX + "fee"] = int(max(minimum, 20_000))
            st.session_state[PREFIX + "scope_for"] = provider
        st.multiselect(_(lang, "Capabilities in scope"), fitting, key=PREFIX + "scope",
                       format_func=lambda cap: _(lang, catalog.name(cap)))
        st.number_input(_(lang, "Fee a month (SEK)"), min_value=0, max_value=2_000_000, step=5_000,
                        key=PREFIX + "fee")
        data = catalog.providers[provider]
        weekly = (st.session_state[PREFIX + "fee"] * 12
                  / (data.rate_sek_hour * catalog.settings.weeks_per_year))
        st.caption(_(lang, "≈ {hours} h/week at {rate}/h; the provider's minimum fee is {minimum} a month.",
                     hours=hours(weekly, lang), rate=sek(data.rate_sek_hour, lang),
                     minimum=sek(data.min_retainer_sek_month, lang)))
        st.button(_(lang, "Add"), key=PREFIX + "add", on_click=_add, args=(catalog,), type="primary")
        if st.session_state.get(PREFIX + "error"):
            st.error(_(lang, "Choose at least one capability and a fee above zero."))
    return retainers


def summary_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """What each retainer of the plan buys, covers and leaves."""
    lines = []
    for use in plan.retainers:
        used = ", ".join(_(lang, "{capability} {hours} h/week", capability=_(lang, catalog.name(cap)).lower(),
                           hours=hours(h, lang)) for cap, h in use.used.items() if h >= 0.05)
        left = ", ".join(_(lang, "{capability} {hours} h/week", capability=_(lang, catalog.name(cap)).lower(),
                           hours=hours(plan.uncovered[cap], lang))
                         for cap in use.scope if plan.uncovered.get(cap, 0.0) >= 0.05)
        text = _(lang, "**{provider}** on a retainer of {fee} a month buys {hours} h/week: {used}; "
                       "{unused} h/week unused.", provider=_(lang, catalog.name(use.provider)),
                 fee=sek(use.fee_sek_year / 12, lang), hours=hours(use.hours, lang),
                 used=used or _(lang, "none of it used"), unused=hours(use.unused_hours, lang))
        if left:
            text += " " + _(lang, "Still undone in its scope: {left}.", left=left)
        if use.unusable:
            names = ", ".join(_(lang, catalog.name(cap)).lower() for cap in use.unusable)
            text += " " + _(lang, "In its scope but not for it to do: {capabilities}.", capabilities=names)
        lines.append(text)
    return lines


def summary(plan: Plan, catalog: Catalog, lang: str) -> None:
    lines = summary_lines(plan, catalog, lang)
    if lines:
        st.subheader(_(lang, "Retainers"))
        st.markdown("\n".join(f"- {line}" for line in lines))


__all__ = ["KEY", "current", "editor", "summary", "summary_lines", "texts"]
