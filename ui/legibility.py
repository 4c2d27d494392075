"""The label of the sidebar's open button, which Streamlit gives no setting for, set by one small
script of ours (no input of a user reaches it).

The button (the "»" at the top left, the only way to the settings on a phone) carries Streamlit's
English aria-label "Expand sidebar": the script relabels it in the page's language, and keeps it
so when Streamlit draws the button again.

    legibility.page_helpers(lang)   # app.py, once a run, after the sidebar

Not done here, measured and left: the grey placeholders (stSkeleton) that outlive a first visit's
run are Streamlit loading an element type's code (Plotly's is 4.7 MB) when its first element
arrives. Asking the browser for that code at the start of the run (<link rel="modulepreload">)
made the sidebar's widgets wait longer, not the charts shorter, on a busy machine.
"""

from __future__ import annotations

import json

import streamlit as st

from ui.i18n import _


def sidebar_button_label(lang: str) -> str:
    return _(lang, "Open the settings: team, budget and workload")


SCRIPT = """<script>
(() => {
  window.__smoSidebarLabel = %(label)s;
  const label = () => {
    const button = document.querySelector("[data-testid='stExpandSidebarButton']");
    if (button && button.getAttribute("aria-label") !== window.__smoSidebarLabel) {
      button.setAttribute("aria-label", window.__smoSidebarLabel);
      button.setAttribute("title", window.__smoSidebarLabel);
    }
  };
  label();
  if (!window.__smoSidebarObserver) {
    window.__smoSidebarObserver = new MutationObserver(label);
    window.__smoSidebarObserver.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>"""


def page_script(lang: str) -> str:
    """The script, with the label in `lang` (JSON-quoted)."""
    return SCRIPT % {"label": json.dumps(sidebar_button_label(lang))}


def page_helpers(lang: str) -> None:
    """Run the script at the foot of the sidebar (an element of no height)."""
    with st.sidebar:
        st.html(page_script(lang), unsafe_allow_javascript=True)
