"""A static companion to the pseudo-locale test (tests/app/test_pseudo_locale.py): no call of a
Streamlit text element or widget in app.py, ui/ or pages/ may be given a bare string literal with
words in it (its body, label, help, placeholder, caption or title). Texts come from `_()`, `n_()`
or `t()`, so they are in the catalog. This check is cheap and names the line; the pseudo-locale
test catches what it cannot see (a literal passed through a variable or a helper).

Literals are looked at after markup is stripped (markdown emphasis, HTML tags and `<style>`,
{placeholders}, icons such as ":material/check:", :colour[ directives), so `f"**{title}**"` or
`":material/insights: " + text` pass, while `f"Seat {index}"` or `"Advice: " + text` do not.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FILES = sorted([ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")])

# Streamlit calls that show their first argument (or a list of them: tabs) as text.
ELEMENTS = {
    "title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
    "toast", "metric", "button", "download_button", "link_button", "page_link", "form_submit_button",
    "checkbox", "toggle", "radio", "selectbox", "multiselect", "select_slider", "slider",
    "number_input", "text_input", "text_area", "date_input", "time_input", "file_uploader",
    "color_picker", "segmented_control", "pills", "expander", "popover", "tabs", "spinner", "status",
    "chat_input", "dialog", "feedback", "latex",
    # column configuration: the label a data frame shows over a column
    "Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn", "DatetimeColumn",
    "DateColumn", "TimeColumn", "ListColumn", "LinkColumn", "ImageColumn", "ProgressColumn",
    "LineChartColumn", "BarChartColumn", "AreaChartColumn", "JSONColumn", "MultiselectColumn",
}
# Names shared with other libraries: a Streamlit call only on `st` itself.
ST_ONLY = {"text", "write", "code", "exception"}
# Receivers that are not Streamlit (logging has info/warning/error too).
NOT_STREAMLIT = {"log", "logger", "logging", "warnings"}
# Keyword arguments shown as text (whatever the element).
TEXT_KEYWORDS = {"label", "body", "help", "placeholder", "caption", "title", "text", "delta",
                 "value_label"}
# file:line -> why a literal is right there. Keep it short; every entry needs a reason.
ALLOWED: dict[str, str] = {}

_MARKUP = re.compile(r"<(style|script)\b.*?</\1\s*>|<[^<>]*>|&#?\w+;|\]\([^()]*\)|\{[^{}]*\}"
                     r"|:material/[a-z0-9_]+:|:[a-z]+(?:-badge|-background)?\[", re.S | re.I)
_LETTERS = re.compile(r"[A-Za-z]{2,}")


def _literal_words(node: ast.AST) -> list[str]:
    """The words in the literal parts of an expression (a literal, an f-string, a sum of them, either
    branch of a conditional); calls and names are not looked into."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _LETTERS.findall(_MARKUP.sub(" ", node.value))
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
        return _LETTERS.findall(_MARKUP.sub(" ", text))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [word for item in node.elts for word in _literal_words(item)]
    return []


def _is_streamlit(call: ast.Call) -> str | None:
    """The element's name when the call is a Streamlit element or widget (st.x, column.x, ...)."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    receiver = func.value
    root = receiver
    while isinstance(root, (ast.Attribute, ast.Subscript, ast.Call)):
        root = root.value if not isinstance(root, ast.Call) else root.func
    root_name = root.id if isinstance(root, ast.Name) else ""
    if root_name in NOT_STREAMLIT:
        return None
    if func.attr in ST_ONLY:
        return func.attr if isinstance(receiver, ast.Name) and receiver.id == "st" else None
    return func.attr if func.attr in ELEMENTS else None


def violations(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        element = _is_streamlit(node)
        if element is None:
            continue
        shown = [("text", node.args[0])] if node.args else []
        shown += [(keyword.arg, keyword.value) for keyword in node.keywords if keyword.arg in TEXT_KEYWORDS]
        for what, value in shown:
            words = _literal_words(value)
            where = f"{filename}:{node.lineno}"
            if words and where not in ALLOWED:
                found.append((node.lineno, node.col_offset,
                              f"{where}: {element}({what}=...) shows {' '.join(words)!r}"))
    return [line for *_position, line in sorted(found, key=lambda hit: hit[:2])]


def test_streamlit_texts_come_from_the_catalog():
    found = [line for path in FILES
             for line in violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not found, ("Streamlit is given English text that bypasses the catalog; wrap it in "
                       "_(lang, ...):\n" + "\n".join(found))


def test_allowlist_entries_are_still_needed():
    stale = []
    for where in ALLOWED:
        filename, line = where.rsplit(":", 1)
        source = (ROOT / filename).read_text(encoding="utf-8")
        hits = [hit for hit in violations(source, filename) if hit.startswith(f"{filename}:{line}:")]
        if not hits:
            stale.append(where)
    assert not stale, f"allowed literals that are gone (remove them from ALLOWED): {stale}"


def test_the_check_finds_literals_and_lets_translated_texts_pass():
    bad = '''
st.caption("Hello world")
left.button(f"Seat {index}", help="Remove it")
cols[0].metric("Now", value)
st.tabs(["One", _(lang, "Two")])
with st.expander("Details " + name):
    pass
st.column_config.TextColumn("Id", disabled=True)
st.markdown(f"**{title}** " + ("yes" if ok else "no"))
'''
    good = '''
st.caption(_(lang, "Hello world"))
st.markdown(f"**{title}**  \\n" + ":material/insights: " + text)
st.button("✕", help=t("remove_seat", lang))
st.html("<style>.a{color:red}</style><div class='pv'>" + esc(text) + "</div>")
log.warning("report failed: %s", what)
finding.text("en")
handle.write("plain text")
st.markdown(f":{colour}[{t(severity, lang)}] · :gray-badge[{_(lang, 'optional')}]")
'''
    assert [line.split(": ", 1)[1] for line in violations(bad, "bad.py")] == [
        "caption(text=...) shows 'Hello world'",
        "button(text=...) shows 'Seat'",
        "button(help=...) shows 'Remove it'",
        "metric(text=...) shows 'Now'",
        "tabs(text=...) shows 'One'",
        "expander(text=...) shows 'Details'",
        "TextColumn(text=...) shows 'Id'",
        "markdown(text=...) shows 'yes no'",
    ]
    assert violations(good, "good.py") == []
