"""Entry point: `streamlit run app.py`. Shared sidebar, language and navigation over pages/."""

from __future__ import annotations

import logging

import streamlit as st

from model import CatalogError
from ui import legibility, onboarding
from ui.assumptions_banner import assumptions_banner
from ui.i18n import _, t
from ui.problems import error_text
from ui.saved import adopt_workspace_link
from ui.sidebar import current_language, render_sidebar
from ui.state import ensure_entrypoint, freeze_startup_objects

PAGES = (
    ("pages/simulator.py", "page_simulator", "", ":material/hub:"),
    ("pages/compare.py", "page_compare", "compare", ":material/compare_arrows:"),
    ("pages/tradeoffs.py", "page_tradeoffs", "tradeoffs", ":material/balance:"),
    ("pages/roadmap.py", "page_roadmap", "roadmap", ":material/timeline:"),
    ("pages/handover.py", "page_handover", "handover", ":material/assignment:"),
    ("pages/capabilities.py", "page_capabilities", "capabilities", ":material/school:"),
    ("pages/assumptions.py", "page_assumptions", "assumptions", ":material/tune:"),
)
CONTROL_FLOW = {"RerunException", "StopException", "RerunData"}
log = logging.getLogger("app")


def main() -> None:
    ensure_entrypoint()  # the first run of a fresh server may come here in legacy pages/ mode
    st.set_page_config(page_title=t("app_title"), page_icon=":material/hub:", layout="wide")
    onboarding.note_link()  # before anything takes a parameter out of the link
    adopt_workspace_link()  # ?workspace=<key> goes into the session before the sidebar reads the link
    # Navigation first: a rerun the sidebar asks for (to put right a value it refused in the
    # link) then stays on the page the link named.
    lang = current_language()
    pages = [
        st.Page(path, title=t(title, lang), url_path=url or None, icon=icon, default=not url)
        for path, title, url, icon in PAGES
    ]
    page = st.navigation(pages, position="top")
    try:
        context = render_sidebar()
    except CatalogError as error:
        st.error(_(lang, "The knowledge base in data/ could not be read:\n\n`{error}`",
                   error=error_text(error, lang)))
        st.stop()
    except Exception as error:  # never a traceback on screen, whatever the link held
        if type(error).__name__ in CONTROL_FLOW:
            raise
        log.exception("sidebar failed")
        st.error(_(lang, "The scenario could not be read. Open the app without the part after `?` in the "
                         "address, or reload the page."))
        st.stop()
    try:
        legibility.page_helpers(context.lang)  # the sidebar button's label in the page's language
        assumptions_banner(context.lang, page)
        onboarding.render(context, on_start_page=page.url_path == "")  # the first visit's step
        page.run()
    except Exception as error:  # a bug must not show a traceback to a client in a meeting
        if type(error).__name__ in CONTROL_FLOW:
            raise
        log.exception("page failed")
        st.error(_(lang, "Something went wrong on this page. Your scenario and saved scenarios are safe; "
                         "try another input or reload the page."))
    freeze_startup_objects()  # once per process: later reruns' garbage collection skips the imports


main()
