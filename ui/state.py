"""Session state shared by the sidebar and the pages: the scenario, the language, the catalog
in force, and the one cache of plan-derived values (`plan_cache`, used wherever a page or ui module
caches a plan, a figure, a sweep; never in model/)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from model import FIELD_SPECS, Catalog, Plan, Scenario, load_catalog, simulate

SCALAR_FIELDS = tuple(spec.name for spec in FIELD_SPECS if spec.kind in ("int", "float"))
PLAIN_FIELDS = tuple(spec.name for spec in FIELD_SPECS if spec.kind in ("choice", "text"))  # kept in
# session state under their own names (the widgets that edit them write there on change)
# Scalars edited on a page rather than in the sidebar (the Roadmap page), kept in session state under
# their own names and written into the link by hand (ui/sidebar.MANUAL_FIELDS)
PAGE_FIELDS = ("horizon_quarters", "growth_per_quarter", "hires")
CATALOG_KEY = "catalog_override"  # set by the Assumptions page to an edited Catalog
F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class Context:
    """What every page gets from the shared sidebar."""

    scenario: Scenario
    lang: str
    catalog: Catalog

    @property
    def plan(self) -> Plan:
        return plan_for(self.scenario, self.catalog)


@st.cache_resource(show_spinner=False)
def default_catalog() -> Catalog:
    return load_catalog()


def current_catalog() -> Catalog:
    """The catalog in force: the Assumptions page's edited one, or data/ as shipped."""
    return st.session_state.get(CATALOG_KEY) or default_catalog()


def assumptions_edited() -> bool:
    catalog = st.session_state.get(CATALOG_KEY)
    return catalog is not None and catalog.fingerprint != default_catalog().fingerprint


def scenario_key(scenario: Scenario) -> tuple:
    """A hashable key of every scenario field."""
    return tuple((name, tuple(value) if isinstance(value, list) else value)
                 for name, value in scenario.to_query_params().items())


def _fingerprint(catalog: Catalog) -> str:
    return catalog.fingerprint


PLAN_KEYS = {Scenario: scenario_key, Catalog: _fingerprint}  # how plan_cache hashes its arguments


def plan_cache(max_entries: int, *, copies: bool = False) -> Callable[[F], F]:
    """The one cache of everything derived from a plan (the plan itself, its figures and tables,
    sweeps, moves, strategies, the sensitivity report): decorate a function of a Scenario, a
    Catalog and plain values (the language, the map's ranges).

    A call is keyed on the scenario's fields (`scenario_key`), the catalog's fingerprint (an edit
    on Assumptions misses, as does another language) and the plain arguments as they are. With
    `copies=False` (st.cache_resource) every caller gets the same object: figures and tables,
    treat them as read-only. With `copies=True` (st.cache_data) each call gets its own copy of a
    model value. `.clear()` empties one cache."""
    store = st.cache_data if copies else st.cache_resource
    return store(max_entries=max_entries, show_spinner=False, hash_funcs=PLAN_KEYS)


@plan_cache(max_entries=512, copies=True)
def _plan(scenario: Scenario, catalog: Catalog) -> Plan:
    return simulate(scenario, catalog)


def plan_for(scenario: Scenario, catalog: Catalog | None = None) -> Plan:
    """simulate, cached on the scenario's fields and the catalog's fingerprint."""
    return _plan(scenario, catalog or current_catalog())


_UNSET = object()


def keep_widget(key: str, value: object = _UNSET, *, default: object = _UNSET) -> None:
    """Give a widget its value on this run (call it just before the widget is drawn): `value`, or
    else the value session state holds for `key` (nothing when it holds none). `default` is what
    the widget shows when it has no value of its own (a slider's minimum, the first option): a
    value equal to it (and already held) needs no keeping.

    A value set through session state reaches the browser only on the run that set it. If the
    browser has not drawn the widget by the next interaction (a click on the first visit's Skip
    within a moment of the page opening, say), it forgets that value, draws the widget's default
    and sends it back on the next rerun: the budget became 0 and the reply promise one hour.
    Setting the value on every run sends it on every run, so the browser always draws the
    scenario's value."""
    if value is _UNSET:
        if key not in st.session_state:
            return
        value = st.session_state[key]
    if default is not _UNSET and value == default and st.session_state.get(key, _UNSET) == value:
        return  # forgotten, the widget would show the same
    st.session_state[key] = value


def set_context(context: Context) -> None:
    st.session_state["_context"] = context


def ensure_entrypoint() -> None:
    """Rerun through app.py when Streamlit ran a page file directly.

    Because a folder named pages/ exists, Streamlit starts in its legacy multipage mode until
    st.navigation is first called in the process. A fresh server whose first request is a
    sub-page (a share link to /compare, say) therefore runs pages/compare.py on its own: no
    sidebar, no scenario from the link. AppTest resets that mode before every run, so it
    happens there on every rerun. Switching the legacy mode off and rerunning makes app.py
    (and so the sidebar and st.navigation) run, with the same page and query string.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_frozen = False


def freeze_startup_objects() -> bool:
    """Once per process, after the first complete run: hide every object alive then (the imported
    modules, the catalog, Streamlit's own) from the cyclic garbage collector (gc.freeze).

    Streamlit runs a full collection after every script run (runner.postScriptGC). The app's
    imports (storage with SQLAlchemy and Alembic, HiGHS, pandas, Plotly) leave some 200,000
    objects that collection walked on every rerun: about 80 ms holding the GIL, while the page
    waited for its last messages. Objects made later are collected as before; garbage is
    collected first, so nothing is frozen that could be freed. True when it froze now.
    """
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.collect()
    gc.freeze()
    return True


def get_context() -> Context:
    """The context the sidebar built on this run (pages call this)."""
    ensure_entrypoint()
    context = st.session_state.get("_context")
    if context is None:  # a page run without app.py (should not happen)
        context = Context(Scenario(), "en", current_catalog())
    return context


def apply_scenario(scenario: Scenario) -> None:
    """Put a scenario into the sidebar widgets (and so into the URL).

    Use it as a widget callback (on_click/on_change), which runs before the widgets are
    drawn: `st.button(..., on_click=apply_scenario, args=(scenario,))`.
    """
    for name in SCALAR_FIELDS:
        st.session_state[name] = getattr(scenario, name)
    st.session_state["team_custom"] = bool(scenario.team)
    st.session_state["team_roles"] = list(scenario.team)
    for index, role in enumerate(scenario.team):
        st.session_state[f"seat_role_{index}"] = role
    st.session_state["outsource"] = list(scenario.outsource)
    st.session_state["insource"] = list(scenario.insource)
    st.session_state["retainers"] = [retainer.text for retainer in scenario.retainers]
    for name in PLAIN_FIELDS:
        st.session_state[name] = getattr(scenario, name)
