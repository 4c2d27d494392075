"""The Compare page's presentation view for a board meeting: no sidebar or header, the scenarios
chosen on Compare (the baseline first, each under its saved name), one per screen or side by side,
with the headline tiles on one row, the most severe findings and the charts that matter in large
text. The HTML and the chart sizes are in ui/board.py.

The goal-seek answer ("85 % coverage costs at least 2.1 MSEK a year") has its place under each
option's name: pass `answer`, a function of the option and the language that gives the line (or
None for none)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui import compare_charts, goalseek_view
from ui.board import BoardItem, large, screen_html, side_by_side_html
from ui.changes import unique_labels
from ui.charts import CONFIG, cost_chart, coverage_chart
from ui.compare_options import Option, Shelf, compared
from ui.i18n import _

Answer = Callable[[Option, str], str | None]
HIDE_CHROME = ("<style>"
               "section[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
               "header[data-testid='stHeader'], [data-testid='stToolbar'] {display: none !important;}"
               ".block-container, [data-testid='stMainBlockContainer'] {padding-top: 1.2rem !important;"
               " max-width: 100% !important;}"
               "</style>")
MODE_KEY, SCREEN_KEY = "cmp_present_mode", "pv_screen"


def board_items(shelf: Shelf, items: list[Option], answer: Answer | None = None) -> list[BoardItem]:
    """The options as the board sees them: by their saved names (kept apart if two are alike)."""
    names = unique_labels([shelf.display_name(option) for option in items])
    answer = answer or (lambda option, lang: goalseek_view.board_line(option.scenario, option.plan,
                                                                        option.catalog, lang))
    return [BoardItem(name, option.note, option.plan, option.catalog, answer(option, shelf.lang),
                      min(goalseek_view.least_for(option.scenario, option.catalog).cost,
                          option.plan.cost.total) if option.plan.overall_coverage > 0 else None)
            for name, option in zip(names, items, strict=True)]


def _one(shelf: Shelf, items: list[Option], boards: list[BoardItem], controls) -> None:
    """One option per screen, picked from the compared ones (the baseline first)."""
    lang = shelf.lang
    keys = [option.key for option in items]
    if st.session_state.get(SCREEN_KEY) not in keys:
        st.session_state[SCREEN_KEY] = keys[0]
    if len(keys) > 1:
        names = dict(zip(keys, (board.name for board in boards), strict=True))
        with controls:
            key = st.segmented_control(_(lang, "Scenario"), keys, format_func=names.get, key=SCREEN_KEY,
                                       persist_state="session") or keys[0]
    else:
        key = keys[0]
    index = keys.index(key)
    option, board = items[index], boards[index]
    st.html(screen_html(board, lang, None if index == 0 else boards[0]))
    st.plotly_chart(large(coverage_chart(option.plan, option.catalog, lang)), config=CONFIG,
                    key="pv_coverage")
    st.plotly_chart(large(cost_chart(option.plan, option.catalog, lang)), config=CONFIG, key="pv_cost")


def _side_by_side(shelf: Shelf, boards: list[BoardItem]) -> None:
    lang, catalog = shelf.lang, shelf.context.catalog
    st.html(side_by_side_html(boards, lang))
    pairs = [(board.name, board.plan) for board in boards]
    st.plotly_chart(large(compare_charts.coverage_compare_chart(pairs, catalog, lang)), config=CONFIG,
                    key="pv_cmp_coverage")
    st.plotly_chart(large(compare_charts.cost_compare_chart(pairs, catalog, lang)), config=CONFIG,
                    key="pv_cmp_cost")


def presentation(shelf: Shelf, controls=None, answer: Answer | None = None) -> None:
    """The compared scenarios, large: one per screen or side by side (the user picks). The
    pickers go into `controls` (a container in the page's header) when given; `answer` gives
    each option's goal-seek answer line."""
    lang = shelf.lang
    controls = controls if controls is not None else st.container()
    st.html(HIDE_CHROME)
    items, _left_out = compared(shelf)
    boards = board_items(shelf, items, answer)
    modes = {"one": _(lang, "One at a time"), "compare": _(lang, "Side by side")}
    with controls:
        mode_column, screen_column = st.columns([2, 5], vertical_alignment="bottom")
    with mode_column:
        mode = st.segmented_control(_(lang, "Show"), list(modes), format_func=modes.get, key=MODE_KEY,
                                    default="one", persist_state="session") or "one"
    if mode == "compare" and len(boards) >= 2:
        _side_by_side(shelf, boards)
        return
    if mode == "compare":
        st.info(_(lang, "Pick two to four scenarios to compare (leave the presentation view to choose "
                        "them)."))
    _one(shelf, items, boards, screen_column)
