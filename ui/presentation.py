"""The Compare page's presentation view for meetings: no sidebar or header, one scenario or the
comparison in big figures and the charts that matter."""

from __future__ import annotations

import streamlit as st

from model import Plan
from ui import compare_charts, planview
from ui.changes import unique_labels
from ui.charts import CONFIG, cost_chart, coverage_chart, load_chart
from ui.compare_options import Option, Shelf, pick_one, picked
from ui.feedback import md_escape
from ui.i18n import _
from ui.report import esc

HIDE_CHROME = ("<style>"
               "section[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
               "header[data-testid='stHeader'], [data-testid='stToolbar'] {display: none !important;}"
               ".block-container, [data-testid='stMainBlockContainer'] {padding-top: 1.2rem !important;"
               " max-width: 100% !important;}"
               "</style>")
FIGURES_CSS = ("<style>.pv-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));"
               "gap:18px;margin:8px 0 18px}.pv-tile{border:1px solid rgba(128,128,128,.35);"
               "border-radius:14px;padding:18px 22px}.pv-label{font-size:1.25rem;opacity:.75}"
               ".pv-value{font-size:2.9rem;font-weight:700;line-height:1.15;margin-top:6px}.pv-delta{font-size:1.2rem;margin-top:4px;"
               "opacity:.85}.pv-good{color:#15803d;opacity:1}.pv-bad{color:#dc2626;opacity:1}</style>")
TITLE_CSS = ("<style>.pv-title{font-size:2.8rem;font-weight:800;line-height:1.1;overflow-wrap:anywhere}"
             ".pv-note{font-size:1.3rem;opacity:.8;margin-top:6px;white-space:pre-line}</style>")


def big_figures(option: Option, lang: str, baseline: Plan | None = None) -> None:
    tiles = []
    for headline in planview.headlines(option.plan, option.catalog, lang, baseline):
        delta = ""
        if headline.delta:
            up = not headline.delta.startswith(("-", "−"))
            tone = ("" if headline.delta_color == "off"
                    else " pv-good" if up == (headline.delta_color == "normal") else " pv-bad")
            delta = f"<div class='pv-delta{tone}'>{esc(headline.delta)}</div>"
        tiles.append(f"<div class='pv-tile'><div class='pv-label'>{esc(headline.label)}</div>"
                     f"<div class='pv-value'>{esc(headline.value)}</div>{delta}</div>")
    st.html(f"{FIGURES_CSS}<div class='pv-grid'>{''.join(tiles)}</div>")


def big_title(text: str, note: str = "") -> None:
    note_html = f"<div class='pv-note'>{esc(note)}</div>" if note else ""
    st.html(f"{TITLE_CSS}<div class='pv-title'>{esc(text)}</div>{note_html}")


def _comparison(shelf: Shelf, picks: list[str]) -> None:
    lang, catalog = shelf.lang, shelf.context.catalog
    items = [shelf.options[key] for key in picks]
    labels = unique_labels([shelf.display_name(option) for option in items])
    big_title(" · ".join(labels))
    for index, (column, option) in enumerate(zip(st.columns(len(items)), items, strict=True)):
        with column:
            st.markdown(f"### {md_escape(labels[index])}")
            big_figures(option, lang, None if index == 0 else items[0].plan)
    pairs = list(zip(labels, [option.plan for option in items], strict=True))
    st.plotly_chart(compare_charts.coverage_compare_chart(pairs, catalog, lang), config=CONFIG,
                    key="pv_cmp_coverage")
    st.plotly_chart(compare_charts.cost_compare_chart(pairs, catalog, lang), config=CONFIG, key="pv_cmp_cost")


def presentation(shelf: Shelf) -> None:
    """One scenario (picked here) or the comparison (picked outside the view), large."""
    lang, picks = shelf.lang, picked(shelf)
    st.html(HIDE_CHROME)
    modes = {"one": _(lang, "One scenario"),
             "compare": _(lang, "The comparison")}
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    with left:
        mode = st.segmented_control(_(lang, "Show"), list(modes), format_func=modes.get,
                                    key="cmp_present_mode", default="one", persist_state="session") or "one"
    if mode == "compare":
        if len(picks) >= 2:
            _comparison(shelf, picks)
        else:
            st.info(_(lang, "Pick two to four scenarios to compare (leave the presentation view to choose "
                            "them)."))
        return
    with right:
        option = pick_one(shelf)
    big_title(shelf.display_name(option), option.note)
    big_figures(option, lang)
    st.plotly_chart(coverage_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_coverage")
    st.plotly_chart(cost_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_cost")
    st.plotly_chart(load_chart(option.plan, option.catalog, lang), config=CONFIG, key="pv_load")
