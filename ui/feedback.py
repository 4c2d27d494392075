"""What the app tells people in Streamlit elements: text a user typed made safe for markdown
(`md_escape`, the one markdown escaper) or for HTML (`html_escape`, the one HTML escaper, for the
report and chart labels), and messages that a
callback leaves for the next run (`flash`, drawn where the page calls `show_flash`).

Callbacks run before the page is drawn, so they cannot put a message where the page wants it:
`flash(where, kind, text)` keeps it in the session under a spot of the page ("top", a table's id,
…), and `show_flash(where, lang)` draws and forgets the ones for that spot.
A message is text in the user's language, or a mapping of language code to text (one per language
in ui.i18n.LANGS) when the language may change before it is shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import streamlit as st

FLASH_KEY = "flash"  # session state: list of (where, kind, text or {lang: text})
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#|<>~$:&@")  # special wherever they stand (: and @ make links)
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+\.)", re.M)  # lists, rules and headings
_WWW = re.compile(r"\b(www)\.", re.I)  # an address without http: is a link too
_SHOW = {"error": (st.error, ":material/error:"), "success": (st.success, ":material/check_circle:"),
         "info": (st.info, ":material/info:")}


def html_escape(text: object, quote: bool = False) -> str:
    """Text a user typed (or data from an upload), safe inside HTML: the report's pages and Plotly
    labels and hover texts, which render HTML tags."""
    return html.escape(str(text), quote=quote)


def md_escape(text: str) -> str:
    """Text a user typed, safe to put into Streamlit markdown, so it reads as typed: every markdown,
    LaTeX ($), directive or emoji (:red[…], :smile:), entity (&…;) and link (http:, www., a@b)
    character is backslash-escaped, and so is a list, rule or heading marker at a line's start."""
    escaped = "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in str(text))
    escaped = _LINE_START.sub(lambda match: match[1] + "\\" + match[2] if match[2][0] in "-+=" else
                              match[1] + match[2][:-1] + "\\.", escaped)
    return _WWW.sub(r"\1\\.", escaped)


def flash(where: str, kind: str, text: str | Mapping[str, str]) -> None:
    """Keep a message (kind: success, error or info) to show on the next run at `where`."""
    st.session_state.setdefault(FLASH_KEY, []).append((where, kind, text))


def show_flash(where: str, lang: str) -> None:
    """Draw the messages kept for `where` (escaped: they quote names people typed) and forget them."""
    keep = []
    for spot, kind, text in st.session_state.get(FLASH_KEY, []):
        if spot != where:
            keep.append((spot, kind, text))
            continue
        if isinstance(text, Mapping):
            text = text.get(lang, text["en"])
        show, icon = _SHOW.get(kind, _SHOW["info"])
        show(md_escape(text), icon=icon)
    st.session_state[FLASH_KEY] = keep


def has_flash(where: str) -> bool:
    """Whether a message waits for `where`."""
    return any(spot == where for spot, _, _ in st.session_state.get(FLASH_KEY, []))
