"""Babel extraction methods for this project (named in babel.cfg).

`python` reads a module with `ast`, so calls inside f-strings are found too (Babel's own Python
extractor tokenizes, and on Python < 3.12 an f-string is one token). It finds:
`_(lang, msgid, ...)`, `gettext(lang, msgid)`, `n_(lang, singular, plural, n, ...)` and `N_(msgid)`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any, BinaryIO

# our function -> (positions of the message arguments, the gettext name Babel knows it by)
KEYWORDS = {"_": ((1,), "gettext"), "gettext": ((1,), "gettext"), "n_": ((1, 2), "ngettext"),
            "N_": ((0,), "N_")}


def python(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict) -> Iterator[tuple]:
    tree = ast.parse(fileobj.read().decode("utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS):
            continue
        positions, name = KEYWORDS[node.func.id]
        args = [node.args[i] if i < len(node.args) else None for i in positions]
        if not all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in args):
            continue
        values = tuple(arg.value for arg in args)
        yield node.lineno, name, values, []


# Keys whose string values in data/*.yaml are texts for people (English msgids); every string in
# a mapping under a key of LABEL_TABLES is one too (labels: {key: text}).
TEXT_KEYS = frozenset({"name", "description", "message", "advice", "advice_budget_left", "summary",
                       "source", "pay_source", "rate_source", "retainer_source", "goal",
                       "pay_band_source", "fits_when"})
LABEL_TABLES = frozenset({"labels", "units"})


def data(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict) -> Iterator[tuple]:
    """The texts of a data file; the comment names where each is (`roles[3].name`)."""
    import yaml

    root = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)

    def walk(node: yaml.Node, path: str, texts: bool) -> Iterator[tuple]:
        if isinstance(node, yaml.ScalarNode):
            if texts and node.tag.endswith(":str") and node.value.strip():
                yield node.start_mark.line + 1, "gettext", (node.value.strip(),), [path]
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                yield from walk(item, f"{path}[{index}]", False)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                yield from walk(value, f"{path}.{name}" if path else name,
                                texts or name in TEXT_KEYS or name in LABEL_TABLES)

    if root is not None:
        yield from walk(root, "", False)
