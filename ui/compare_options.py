"""The scenarios the Compare page offers: the sidebar's and the workspace's saved ones, each with
its catalog and plan, and the picker of one of them (for exports and the presentation view)."""

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
        return bool(option and option.scenario == self.context.scenario
                    and option.catalog.fingerprint == self.context.catalog.fingerprint)


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
    current = Option(CURRENT, _(context.lang, "Current (sidebar)"), "",
                     context.scenario, context.catalog, context.plan, assumptions_edited())
    shelf.options[CURRENT] = current
    for row in shelf.rows:
        option = _saved_option(row)
        if option is None:
            shelf.unreadable.append(row.name)
        else:
            shelf.options[option.key] = option
    return shelf


def pick_one(shelf: Shelf) -> Option:
    """The scenario for the exports and the presentation view (one choice for both)."""
    if st.session_state.get("cmp_export_pick") not in shelf.options:
        st.session_state["cmp_export_pick"] = CURRENT
    key = st.selectbox(_(shelf.lang, "Scenario"), list(shelf.options), key="cmp_export_pick",
                       format_func=shelf.label_of, persist_state="session")
    return shelf.options[key]


def picked(shelf: Shelf) -> list[str]:
    """The keys chosen for the comparison that are still on offer."""
    return [key for key in st.session_state.get("cmp_pick", []) if key in shelf.options]
