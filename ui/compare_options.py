"""The scenarios the Compare page offers: the workspace's saved ones and the sidebar's (offered
only when it is not one of the saved ones), each with its catalog and plan; which of them are
compared and which is the baseline (the comparison, its report and the presentation view all take
them from here); and the picker of one of them for the exports.

Defaults: every saved scenario is compared (the four most recently updated if there are more), in
the order they were first saved, with the sidebar's added only when fewer than two are saved. The
baseline is the first saved of them: it is usually the starting point the others were saved
against, it stays put when an option is updated, and an unsaved sidebar scenario has no name to
put before a board. A choice the user made is kept while it is on offer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import streamlit as st

from model import Catalog, CatalogError, Plan, Scenario, ScenarioError
from ui import saved
from ui.i18n import _
from ui.report import ReportScenario
from ui.saved import SavedScenario, Workspace
from ui.state import Context, assumptions_edited, plan_for

log = logging.getLogger("compare")
CURRENT = "current"
MAX_COMPARE = 4
PICK_KEY = "cmp_pick"  # session state: the keys chosen to compare (the multiselect's)
BASELINE_KEY = "cmp_baseline"  # session state: the key of the baseline (the selectbox's)


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    note: str
    scenario: Scenario
    catalog: Catalog
    plan: Plan
    edited: bool
    saved: SavedScenario | None = None
    problem: CatalogError | None = None  # why its saved assumptions could not be read


@dataclass
class Shelf:
    """Everything the Compare page draws from: the context, the workspace and the options."""
    context: Context
    space: Workspace | None
    problem: str | None  # why the saved scenarios cannot be reached
    rows: list[SavedScenario] = field(default_factory=list)
    options: dict[str, Option] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    sidebar_key: str = CURRENT  # the option that is the sidebar's scenario (a saved one if it equals it)

    @property
    def lang(self) -> str:
        return self.context.lang

    def label_of(self, key: str) -> str:
        option = self.options.get(key)
        return option.label if option else key

    def display_name(self, option: Option) -> str:
        """The name on a report or the big screen ('Current (sidebar)' means nothing in a handout)."""
        if option.key == CURRENT:
            return _(self.lang, "Current scenario")
        return option.label

    def report_item(self, option: Option) -> ReportScenario:
        return ReportScenario(self.display_name(option), option.note, option.plan, option.catalog,
                              option.edited)

    def of_row(self, row: SavedScenario) -> Option | None:
        return self.options.get(f"saved:{row.id}")

    def in_sidebar(self, row: SavedScenario) -> bool:
        option = self.of_row(row)
        return bool(option and same_inputs(option.scenario, option.catalog, self.context.scenario,
                                           self.context.catalog))

    @property
    def saved_keys(self) -> list[str]:
        """The readable saved scenarios' keys, most recently updated first (as the table lists them)."""
        return [key for key, option in self.options.items() if option.saved is not None]


def same_inputs(scenario: Scenario, catalog: Catalog, other: Scenario, other_catalog: Catalog) -> bool:
    """Whether two scenarios give the same plan: every field as the link writes it (so a value
    read back from a file or a link compares equal), and the same assumptions."""
    return (scenario.to_query_params() == other.to_query_params()
            and catalog.fingerprint == other_catalog.fingerprint)


def _saved_option(row: SavedScenario) -> Option | None:
    try:
        row_scenario = row.scenario
    except ScenarioError as error:
        log.warning("saved scenario %s is unreadable: %s", row.id, error)
        return None
    row_catalog, problem = saved.catalog_of(row)
    return Option(f"saved:{row.id}", row.name, row.note, row_scenario, row_catalog,
                  plan_for(row_scenario, row_catalog), row.has_assumptions, row, problem)


def open_shelf(context: Context) -> Shelf:
    """This session's workspace (as its user), its saved scenarios and the sidebar's scenario."""
    space, problem = saved.get_workspace()
    shelf = Shelf(context, space, problem)
    if space is not None:
        rows, shelf.problem = saved.fetch(context.lang, space.list)
        shelf.rows = rows or []
    saved_options = []
    for row in shelf.rows:
        option = _saved_option(row)
        if option is None:
            shelf.unreadable.append(row.name)
        else:
            saved_options.append(option)
    same = next((option for option in saved_options if same_inputs(
        option.scenario, option.catalog, context.scenario, context.catalog)), None)
    if same is None:  # the sidebar's scenario is offered once: by its saved name if it has one
        shelf.options[CURRENT] = Option(CURRENT, _(context.lang, "Current (sidebar)"), "",
                                        context.scenario, context.catalog, context.plan,
                                        assumptions_edited())
    else:
        shelf.sidebar_key = same.key
    shelf.options.update((option.key, option) for option in saved_options)
    return shelf


def pick_one(shelf: Shelf) -> Option:
    """The scenario for the exports (the sidebar's until another is chosen)."""
    if st.session_state.get("cmp_export_pick") not in shelf.options:
        st.session_state["cmp_export_pick"] = shelf.sidebar_key
    key = st.selectbox(_(shelf.lang, "Scenario"), list(shelf.options), key="cmp_export_pick",
                       format_func=shelf.label_of, persist_state="session")
    return shelf.options[key]


def default_picks(shelf: Shelf) -> list[str]:
    """Every saved scenario (the four most recently updated if there are more) in the order they
    were saved; the sidebar's as well when fewer than two are saved, so that there is something
    to compare."""
    recent = [shelf.options[key] for key in shelf.saved_keys[:MAX_COMPARE]]
    picks = [option.key for option in sorted(recent, key=lambda option: (option.saved.created_at,
                                                                         option.saved.id))]
    if len(picks) < 2 and CURRENT in shelf.options:
        picks.append(CURRENT)
    return picks


def picked(shelf: Shelf) -> list[str]:
    """The keys chosen for the comparison that are still on offer (the defaults until the user
    has chosen)."""
    if PICK_KEY not in st.session_state:
        return default_picks(shelf)
    return [key for key in st.session_state[PICK_KEY] if key in shelf.options]


def baseline_offer(shelf: Shelf, picks: list[str]) -> list[str]:
    """What the baseline can be: a compared scenario, or the sidebar's (compared with the picks)."""
    return picks + ([CURRENT] if CURRENT in shelf.options and CURRENT not in picks else [])


def default_baseline(shelf: Shelf, picks: list[str]) -> str:
    """The first saved scenario compared; without one, the first compared, else the sidebar's."""
    saved_picks = [key for key in picks if shelf.options[key].saved is not None]
    return (saved_picks or picks or [shelf.sidebar_key])[0]


def baseline(shelf: Shelf, picks: list[str]) -> str:
    """The baseline chosen (kept while it is on offer), else the default."""
    chosen = st.session_state.get(BASELINE_KEY)
    return chosen if chosen in baseline_offer(shelf, picks) else default_baseline(shelf, picks)


def compared(shelf: Shelf) -> tuple[list[Option], list[Option]]:
    """The scenarios compared, the baseline first and at most four, and the picks left out to
    stay within four (when the sidebar's is the baseline beside four picks)."""
    picks = picked(shelf)
    first = baseline(shelf, picks)
    keys = [first, *(key for key in picks if key != first)]
    return ([shelf.options[key] for key in keys[:MAX_COMPARE]],
            [shelf.options[key] for key in keys[MAX_COMPARE:]])
