"""A banner for the Simulator (and any page) while the assumptions differ from the defaults."""

from __future__ import annotations

import streamlit as st

from model import differences
from ui.i18n import _, n_, t
from ui.state import assumptions_edited, current_catalog, default_catalog

ASSUMPTIONS_PAGE = "pages/assumptions.py"
ASSUMPTIONS_URL = "assumptions"


def assumptions_banner(lang: str, page=None) -> bool:
    """Show a warning with a link to the Assumptions page while assumptions are edited.

    `page`: the st.Page about to run (from st.navigation); the Assumptions page itself gets no
    banner, as it says the same at its top. Returns whether the banner was shown."""
    if not assumptions_edited():
        return False
    if page is not None and getattr(page, "url_path", None) == ASSUMPTIONS_URL:
        return False
    count = len(differences(default_catalog(), current_catalog()))
    if count:
        detail = " " + n_(lang, "{count} value changed.", "{count} values changed.", count)
    else:
        detail = _(lang, " Texts or rules outside the tables changed.")
    with st.container(key="assumptions_banner"):
        st.warning(t("assumptions_edited", lang) + detail, icon=":material/tune:")
        st.page_link(ASSUMPTIONS_PAGE, label=_(lang, "Review or reset the assumptions"),
                     icon=":material/arrow_forward:",
                     query_params={key: st.query_params.get_all(key) for key in st.query_params})
    return True
