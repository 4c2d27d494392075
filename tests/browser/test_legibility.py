"""Legibility on a phone and a laptop, in a real browser: the charts' toolbar (Plotly's modebar),
title, legend and colour bar never overlap at 390 x 844 or 1280 x 720; every chart text is at
WCAG AA contrast (4.5:1) as drawn, in the light and the dark theme; no element is left grey
(stale or a loading placeholder) once the script has finished; the sidebar's open button is
labelled in the page's language. Screenshots go to artifacts/legibility-*.png."""

from __future__ import annotations

import itertools

import pytest

from tests.browser.conftest import ARTIFACTS, CHROMIUM_ARGS, wait_ready  # noqa: F401
from ui.i18n import _
from ui.palette import AA, contrast

SIZES = {"phone": (390, 844), "laptop": (1280, 720)}
# a scenario in the link: the first visit's step (ui/onboarding.py) opens on a bare link only
PAGES = {"simulator": "/?team_size=1", "tradeoffs": "/tradeoffs?team_size=1"}

# Per chart: the boxes (x, y, width, height, in CSS px) of the toolbar, the title, the subtitle,
# the legend and the colour bar; and every text's fill with the colour it is drawn on.
BOXES_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map((plot) => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
                        return r.width > 0 && r.height > 0 ? [r.x, r.y, r.width, r.height] : null; };
  return {title: box(plot.querySelector('.gtitle')), subtitle: box(plot.querySelector('.gtitle-subtitle')),
          modebar: box(plot.querySelector('.modebar-container .modebar') || plot.querySelector('.modebar')),
          legend: box(plot.querySelector('.legend')), colorbar: box(plot.querySelector('.colorbar')),
          name: (plot.querySelector('.gtitle') || {}).textContent || ''};
})"""
FILLS_JS = """() => {
  const out = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, index) => {
    plot.querySelectorAll('text').forEach((text) => {
      if (!text.textContent.trim()) return;
      const style = getComputedStyle(text);
      if (style.visibility === 'hidden' || style.display === 'none' || text.closest('.hoverlayer')) return;
      // what the text sits on: a bar's fill when it is inside one, else the page
      let ground = null;
      const group = text.closest('.point');
      if (group) { const path = group.querySelector('path');
                   if (path) { const f = getComputedStyle(path);
                               ground = [f.fill, f.fillOpacity, f.opacity]; } }
      if (text.closest('.hm, .heatmaplayer')) ground = 'cell';
      out.push({chart: index, text: text.textContent.slice(0, 30), fill: style.fill,
                opacity: style.opacity, ground});
    });
  });
  return {fills: out, background: getComputedStyle(document.querySelector('.stApp')).backgroundColor};
}"""
STATE_JS = """() => ({stale: document.querySelectorAll("[data-stale='true']").length,
  skeletons: document.querySelectorAll("[data-testid='stSkeleton']").length,
  charts: document.querySelectorAll("[data-testid='stPlotlyChart']").length,
  drawn: document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg").length})"""


def _overlap(a, b) -> float:
    """The area two boxes share (0 when either is missing)."""
    if not a or not b:
        return 0.0
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def _rgb(css: str) -> str:
    parts = css[css.index("(") + 1:css.index(")")].split(",")
    return "#" + "".join(f"{round(float(part)):02X}" for part in parts[:3])


@pytest.fixture
def open_page(browser, app_url):
    contexts = []

    def opener(path: str, size: str, scheme: str = "light", lang: str = "en"):
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                      locale="sv-SE" if lang == "sv" else "en-US")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(f"{app_url}{path}{'&' if '?' in path else '?'}lang={lang}")
        wait_ready(page)
        return page

    yield opener
    for context in contexts:
        context.close()


def _charts_drawn(page) -> None:
    """Wait until every chart is drawn (Plotly's code loads after the script has finished)."""
    page.wait_for_function(
        "() => { const s = (" + STATE_JS + ")(); return s.charts > 0 && s.drawn >= 3 * s.charts; }",
        timeout=60_000)


def _shots(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"legibility-{name}.png"))
    for index, chart in enumerate(page.locator("[data-testid='stPlotlyChart']").all()):
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(ARTIFACTS / f"legibility-{name}-chart{index}.png"))


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_toolbar_title_legend_and_colour_bar_never_overlap(open_page, name, size, lang):
    page = open_page(PAGES[name], size, lang=lang)
    _charts_drawn(page)
    page.wait_for_timeout(300)
    _shots(page, f"{name}-{size}-{lang}")
    charts = page.evaluate(BOXES_JS)
    assert len(charts) >= (4 if name == "simulator" else 5)
    overlaps = []
    for index, chart in enumerate(charts):
        parts = {key: chart[key] for key in ("modebar", "title", "subtitle", "legend", "colorbar")}
        assert parts["modebar"] and parts["title"], (index, chart)
        for (one, a), (other, b) in itertools.combinations(parts.items(), 2):
            if _overlap(a, b) > 0:
                overlaps.append(f"chart {index} ({chart['name']}): {one} {a} overlaps {other} {b}")
        # the title fits the chart's width (Plotly does not wrap a title: it would be cut off)
        width = page.locator("[data-testid='stPlotlyChart']").nth(index).bounding_box()["width"]
        for key in ("title", "subtitle"):
            if parts[key]:
                assert parts[key][2] <= width, (index, key, parts[key], width)
    assert not overlaps, "\n".join(overlaps)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_chart_text_is_at_aa_contrast_as_drawn(open_page, name, scheme):
    page = open_page(PAGES[name], "laptop", scheme=scheme)
    _charts_drawn(page)
    found = page.evaluate(FILLS_JS)
    for _attempt in range(60):  # a page's later charts mount after its first ones are drawn
        if len({text["chart"] for text in found["fills"]}) >= 3:
            break
        page.wait_for_timeout(500)
        _charts_drawn(page)
        found = page.evaluate(FILLS_JS)
    background = _rgb(found["background"])
    assert (background == "#FFFFFF") == (scheme == "light")
    low = []
    for text in found["fills"]:
        if text["ground"] == "cell" or float(text["opacity"]) < 1:
            continue  # heat map cells: checked from the figures in tests/ui/test_palette.py
        ground = background
        if isinstance(text["ground"], list) and text["ground"][0] not in ("none", "rgba(0, 0, 0, 0)"):
            fill = _rgb(text["ground"][0])
            alpha = float(text["ground"][1]) * float(text["ground"][2])
            ground = fill if alpha >= 0.999 else None
        if ground is None:
            continue
        ratio = contrast(_rgb(text["fill"]), ground)
        if ratio < AA:
            low.append(f"chart {text['chart']} '{text['text']}' {text['fill']} on {ground}: {ratio:.2f}:1")
    assert len(found["fills"]) > 30 and len({text["chart"] for text in found["fills"]}) >= 3
    assert not low, "\n".join(low)


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_is_left_grey_once_the_script_has_finished(open_page, name):
    """Once the script has finished no element is stale ([data-stale='true']: faded until the run
    replaces it), then or a second later. Grey placeholders ([data-testid='stSkeleton']) may
    remain on a first visit while Streamlit loads an element type's code (Plotly's is 4.7 MB):
    they are gone once every chart is drawn."""
    page = open_page(PAGES[name], "phone")
    for _second in range(2):
        assert page.evaluate(STATE_JS)["stale"] == 0
        page.wait_for_timeout(1000)
    _charts_drawn(page)
    state = page.evaluate(STATE_JS)
    assert state["stale"] == 0 and state["skeletons"] == 0, state


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_sidebar_open_button_is_labelled_in_the_pages_language(open_page, lang):
    page = open_page(PAGES["simulator"], "phone", lang=lang)
    button = page.locator("[data-testid='stExpandSidebarButton']")
    expected = _(lang, "Open the settings: team, budget and workload")
    page.wait_for_function(
        "(label) => { const b = document.querySelector(\"[data-testid='stExpandSidebarButton']\");"
        " return b && b.getAttribute('aria-label') === label; }", arg=expected, timeout=10_000)
    assert button.get_attribute("aria-label") == expected
    button.click()
    page.locator("[data-testid='stSidebar']").get_by_role("slider").first.wait_for(state="visible")
