"""Driving the whole app (app.py with its shared sidebar and st.navigation) under AppTest, for the
benchmarks and the tests (`tests/apptest_support.py` builds on it; bench/ never imports tests/).

Importing this module makes AppTest behave like the real server with respect to pages/:
Streamlit's legacy multipage mode (on while a folder named pages/ exists and st.navigation has not
run yet in the process) is switched off. AppTest resets that mode before every run, so without
this patch each rerun after the first runs the page file directly and skips app.py (no sidebar,
no new scenario; ui.state then has to rerun and the widget values of that run are lost).
"""

from __future__ import annotations

from pathlib import Path

import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE_FILES = {
    "simulator": "pages/simulator.py", "compare": "pages/compare.py", "tradeoffs": "pages/tradeoffs.py",
    "capabilities": "pages/capabilities.py", "assumptions": "pages/assumptions.py",
    "handover": "pages/handover.py", "roadmap": "pages/roadmap.py",
}


class _NoLegacyPages(PagesManager):
    def __init__(self, *args, **kwargs) -> None:
        PagesManager.uses_pages_directory = False  # as after st.navigation in a real server
        super().__init__(*args, **kwargs)


app_test_module.PagesManager = _NoLegacyPages


def new_app(query: dict[str, str | list[str]] | None = None, page: str = "simulator",
            timeout: float = 60) -> AppTest:
    """An AppTest of app.py (not yet run), optionally with URL query parameters and on a page."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page != "simulator":
        at.switch_page(PAGE_FILES[page])
    return at


def run(at: AppTest) -> AppTest:
    """Run, and stop with the exception text if the app showed one."""
    at.run()
    if at.exception:
        raise RuntimeError(f"the app raised: {[exception.value for exception in at.exception]}")
    return at
