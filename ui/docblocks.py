"""A document as blocks of text, written as Markdown or as HTML: the briefs and role descriptions
of ui/handover_docs.py and ui/role_docs.py. Pure: no Streamlit calls.

A document is built once per target: `Doc(md_escape)` for Markdown, where `v` escapes each value
(text the user typed, names and texts from data) as it is put into a sentence; `Doc(str)` for
HTML, where every block is escaped whole with html.escape when it is written.
"""

from __future__ import annotations

from collections.abc import Callable

from model import MARKETING_LEAD_SEAT, VOLUNTEER_SEAT, Catalog, Party
from ui.feedback import html_escape
from ui.findings import seat_label
from ui.i18n import _

CSS = ("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2937;"
       "line-height:1.5;margin:0}main{max-width:820px;margin:0 auto;padding:32px 24px 56px}"
       "h1{font-size:1.9rem;overflow-wrap:anywhere}h2{font-size:1.3rem;margin-top:1.8em;"
       "border-bottom:2px solid #e5e7eb}h3{font-size:1.1rem}.meta{color:#6b7280}"
       ".user{background:#f9fafb;border-left:4px solid #2563eb;padding:.4em .8em;overflow-wrap:anywhere}"
       ".todo{background:#fef2f2;border-left:4px solid #b91c1c;padding:.4em .8em;font-weight:600}"
       "@media print{h2,h3{break-after:avoid}main{padding:0}}")
Escape = Callable[[str], str]


class Doc:
    """A document as blocks (kind, level, text or lines, css); `v` escapes the values put into a
    sentence (md_escape for Markdown; nothing for HTML, where every block is escaped whole)."""

    def __init__(self, v: Escape) -> None:
        self.v = v
        self.blocks: list[tuple[str, int, object, str]] = []

    def h(self, level: int, text: str) -> None:
        self.blocks.append(("h", min(level, 6), text, ""))

    def p(self, text: str, css: str = "") -> None:
        self.blocks.append(("p", 0, text, css))

    def ul(self, items: list[str]) -> None:
        if items:
            self.blocks.append(("ul", 0, items, ""))

    def typed(self, text: str, placeholder: str) -> None:
        """Text the user typed, line by line, or a visible placeholder when there is none."""
        lines = [self.v(line.strip()) for line in text.strip().splitlines()]
        self.blocks.append(("lines", 0, lines, "user") if lines else ("lines", 0, [placeholder], "todo"))

    def markdown(self) -> str:
        out = []
        for kind, level, body, css in self.blocks:
            if kind == "h":
                out.append(f"{'#' * level} {body}")
            elif kind == "ul":
                out.append("\n".join(f"- {item}" for item in body))
            elif kind == "lines":
                out.append("  \n".join(f"**{line}**" if css == "todo" else line for line in body))
            else:
                out.append(f"*{body}*" if css == "meta" else str(body))
        return "\n\n".join(out) + "\n"

    def html(self) -> str:
        out = []
        for kind, level, body, css in self.blocks:
            attr = f' class="{css}"' if css else ""
            if kind == "h":
                out.append(f"<h{level}>{html_escape(body)}</h{level}>")
            elif kind == "ul":
                out.append("<ul>" + "".join(f"<li>{html_escape(item)}</li>" for item in body) + "</ul>")
            elif kind == "lines":
                out.append(f"<p{attr}>" + "<br>".join(html_escape(line) for line in body) + "</p>")
            else:
                out.append(f"<p{attr}>{html_escape(body)}</p>")
        return "\n".join(out)


def page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{html_escape(lang, True)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html_escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def party_name(party: Party, catalog: Catalog, lang: str) -> str:
    """Someone in-house or a provider (the RACI view's parties too, ui/report.py party_label):
    a provider by name, a seat with its role, the head of marketing's or the unpaid hours."""
    if party.kind == "provider":
        return _(lang, catalog.name(party.ident))
    if party.ident in (MARKETING_LEAD_SEAT, VOLUNTEER_SEAT):
        return seat_label(party.ident, lang)
    return f"{seat_label(party.ident, lang)} · {_(lang, catalog.name(party.role))}"
