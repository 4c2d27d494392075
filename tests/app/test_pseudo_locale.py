"""Every page rendered in the pseudo-locale `qps` (ui/i18n.py: every catalogued text comes out
accented and lengthened, with no ASCII letter left) must show no ASCII word: any that is left on
screen did not pass through the catalog, so it would stay English in every language.

Each page is driven through app.py under AppTest (SOCIAL_SIM_PSEUDO_LOCALE=1 lets `?lang=qps` be
chosen) in states that show as much as possible: a stretched team with findings, overload and
work left undone, outsourcing and a capability kept in-house, no team at all, a link with refused
values, edited assumptions; on Compare saved scenarios (one with edited assumptions, one in the
trash, a history), the comparison, the RACI table and grid and both presentation views; on
Trade-offs an applied move. Every element of the main area, the sidebar and the event area is read
through its protobuf: every string field but the few that never show (ids, keys, icons, CSS...),
table column names and cells (and a Styler's display values), column configuration labels, and a
Plotly figure's texts (titles, axis titles, trace names, hover and text templates, tick texts,
annotations, category labels). Markup is stripped first (HTML tags and styles, markdown link
targets, {placeholders}, %{plotly} fields, icons, :colour[ directives, URLs).

A failure lists every leaking string with the page, the element and its field, e.g.

    [compare] main › metric · label: 'Coverage' -> Coverage

so a developer sees what to wrap in `_()` (or `N_()` where a table stores it). The user-typed
scenario names and notes are Greek on purpose, so a name on screen is no leak and needs no
allowlist; the allowlist below is for words that are the same in every language.
"""

from __future__ import annotations

import ast
import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyarrow as pa
import pytest
from google.protobuf.descriptor import FieldDescriptor
from streamlit.testing.v1 import AppTest

from model import Scenario, build_catalog, load_catalog
from model.scenario import FIELD_SPECS
from storage import ENV_VAR, ScenarioStore
from tests.apptest_support import ROOT, new_app, run
from ui.i18n import LANGS, PSEUDO
from ui.sidebar import PSEUDO_ENV
from ui.state import CATALOG_KEY

CATALOG = load_catalog()

# Words that come from the locale data rather than the catalog, so they stay ASCII in the
# pseudo-locale (which formats numbers and lists as English). Anything else is a leak: a format
# name or an acronym inside a catalogued text is accented with the rest of it.
ALLOWED_WORDS = {
    "SEK": "the currency code, from the locale data (Babel formats money as 'SEK 100,000')",
    "and": "the last comma of a list, from the locale data (Babel format_list: 'a, b and c')",
    "or": "the same in a list of alternatives ('a, b or c')",
}
# String fields of Streamlit's protobufs that are never shown as text.
HIDDEN_FIELDS = {
    "id", "form_id", "query_param_key", "theme", "config", "icon", "type", "tag", "anchor", "divider",
    "language", "url", "deferred_file_id", "shortcut", "page", "page_script_hash", "query_string",
    "selection_state", "selection_default", "source_id", "column_order", "uuid", "styles", "key",
    "default_value", "color", "background_color", "width", "height", "gap", "css_class",
}
# The language switch names each language in itself and has a label in English and Swedish: it must
# be found by someone who does not read the language the page is in.
EXEMPT_WIDGETS = {"lang"}
# Plotly figure keys whose strings are shown (as text, on hover, as ticks or legend entries).
PLOTLY_TEXT = {"text", "title", "name", "hovertemplate", "texttemplate", "hovertext", "ticktext",
               "label", "labels", "x", "y", "values", "parents", "tickprefix", "ticksuffix", "prefix",
               "suffix", "valueprefix", "valuesuffix", "header", "cells", "legendgrouptitle"}
COLUMN_TEXT = {"label", "help", "display_text", "placeholder", "options"}

_MARKUP = [re.compile(pattern, flags) for pattern, flags in (
    (r"<(style|script)\b.*?</\1\s*>", re.S | re.I),  # CSS and scripts
    (r"<!--.*?-->", re.S),
    (r"<[^<>]*>", 0),  # HTML tags with their attributes
    (r"&#?\w+;", 0),  # entities
    (r"\]\([^()]*\)", 0),  # markdown link targets
    (r"\bhttps?://\S+|\S*\?[\w%.-]+=\S*", 0),  # addresses, share links (field names and ids)
    (r"%\{[^{}]*\}", 0),  # Plotly %{fields}
    (r"\{[^{}]*\}", 0),  # {placeholders}
    (r":material/[a-z0-9_]+:", 0),  # icons
    (r":[a-z]+(?:-badge|-background)?\[", 0),  # :red[, :gray-badge[ directives
)]
# A note on a refused link value names the link parameter as the address has it ("channels: …").
_PARAMETER = re.compile(r"\b(?:" + "|".join(spec.name for spec in FIELD_SPECS) + r")(?=:)")
_PRINTF = re.compile(r"%[-+ 0#,]*\d*(?:\.\d+)?[diouxXeEfFgGs%]")
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Shown:
    """A text on screen: where (page, area, element, field) and what."""

    where: str
    text: str

    def leaks(self) -> list[str]:
        return [word for word in _WORD.findall(strip_markup(self.text)) if word not in ALLOWED_WORDS]


def strip_markup(text: str) -> str:
    for pattern in (*_MARKUP, _PARAMETER):
        text = pattern.sub(" ", text)
    return text


# ---- reading what an AppTest shows -----------------------------------------------------------------
def _nodes(node, area: str) -> Iterator[tuple[object, str]]:
    yield node, area
    for child in (getattr(node, "children", None) or {}).values():
        yield from _nodes(child, area)


def _widget_key(proto) -> str:
    ident = getattr(proto, "id", "")  # "$$ID-<hash>-<key>" for a widget with a key
    key = ident.split("-", 2)[-1] if isinstance(ident, str) and ident.startswith("$$ID-") else ""
    return "" if key == "None" else key


def _arrow_texts(data: bytes, labels: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    """Column names (or their configured labels) and string cells of a serialized table."""
    try:
        table = pa.ipc.open_stream(io.BytesIO(data)).read_all()
    except (pa.ArrowInvalid, OSError):
        return
    for name, column in zip(table.column_names, table.columns, strict=True):
        index = name.startswith("__index_level_")
        if labels.get(name, "") is None:  # hidden by the column configuration
            continue
        if not index:
            yield "column", labels.get(name) or name
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            for cell in column.to_pylist():
                if cell:
                    yield f"cell of {labels.get(name) or name!r}", cell


def _column_config(text: str) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """The labels a data frame's column configuration gives (None: hidden), and its other texts."""
    labels: dict[str, str | None] = {}
    texts: list[tuple[str, str]] = []
    try:
        config = json.loads(text) if text else {}
    except ValueError:
        return labels, texts
    for column, settings in config.items():
        if not isinstance(settings, dict):
            continue
        if settings.get("hidden"):
            labels[column] = None
            continue
        if settings.get("label"):
            labels[column] = settings["label"]
        for key, value in _json_strings(settings, COLUMN_TEXT):
            texts.append((f"column config {key}", value))
    return labels, texts


def _json_strings(value, keys: set[str], key: str = "") -> Iterator[tuple[str, str]]:
    """The strings of a JSON value that sit under one of `keys` (directly or in lists), and a
    `customdata` where a template of the same object shows it."""
    if isinstance(value, str):
        if key in keys:
            yield key, value
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, keys, key)
    elif isinstance(value, dict):
        templates = " ".join(item for item in value.values() if isinstance(item, str))
        for name, item in value.items():
            if name == "customdata" and "customdata" in templates:
                yield from ((name, text) for _key, text in _json_strings(item, {name}, name))
            else:
                yield from _json_strings(item, keys, name)


def _proto_texts(message, labels: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    for field, value in message.ListFields():
        name = field.name
        if name in HIDDEN_FIELDS:
            continue
        values = list(value) if field.is_repeated else [value]
        for item in values:
            if field.type == FieldDescriptor.TYPE_MESSAGE:
                yield from _proto_texts(item, labels)
            elif field.type == FieldDescriptor.TYPE_BYTES:
                yield from _arrow_texts(item, labels)
            elif field.type == FieldDescriptor.TYPE_STRING and item:
                if name == "spec":  # a Plotly figure
                    yield from ((f"figure {key}", text) for key, text in _json_strings(json.loads(item),
                                                                                         PLOTLY_TEXT))
                elif name == "columns":  # a data frame's column configuration (read first)
                    continue
                elif name == "format":  # printf ("%d h") or a named preset ("percent"), not text
                    if not re.fullmatch(r"[a-z]+", item):
                        yield name, _PRINTF.sub(" ", item)
                else:
                    yield name, item


def shown_texts(at: AppTest, page: str) -> list[Shown]:
    """Every text the app shows, with where it is."""
    found: list[Shown] = []
    for area, block in at._tree.children.items():
        area_name = getattr(block, "type", str(area))
        for node, _area in _nodes(block, area_name):
            proto = getattr(node, "proto", None)
            if proto is None:
                continue
            key = _widget_key(proto)
            if key in EXEMPT_WIDGETS:
                continue
            labels, column_texts = _column_config(getattr(proto, "columns", "") or "") \
                if hasattr(proto, "column_order") else ({}, [])
            element = f"{getattr(node, 'type', type(node).__name__)}" + (f"[{key}]" if key else "")
            for field, text in [*column_texts, *_proto_texts(proto, labels)]:
                found.append(Shown(f"[{page}] {area_name} › {element} · {field}", text))
    return found


def leak_report(shown: list[Shown]) -> list[str]:
    """One line per leaking text: where it is (the first places), the text and its English words."""
    places: dict[str, list[str]] = {}
    for item in shown:
        if item.leaks() and item.where not in places.setdefault(item.text, []):
            places[item.text].append(item.where)
    lines = []
    for text, wheres in places.items():
        if not wheres:
            continue
        where = "; ".join(wheres[:2]) + (f" (and {len(wheres) - 2} more)" if len(wheres) > 2 else "")
        snippet = text if len(text) <= 160 else text[:157] + "..."
        words = ", ".join(dict.fromkeys(Shown(where, text).leaks()))
        lines.append(f"{where}: {snippet!r} -> {words}")
    return lines


# ---- the states each page is shown in --------------------------------------------------------------
# A stretched team (findings of every severity, overload, work left undone), creation bought
# outside, community kept in-house, an influencer programme and unpaid hours.
STRETCHED = {
    "lang": PSEUDO, "team": ["social_media_manager", "community_manager"], "budget_sek": "1200000",
    "channels": "6", "posts_per_week": "25", "video_share": "0.5", "inbound_per_week": "400",
    "ad_spend_sek_month": "80000", "influencers": "3", "org_size": "800", "volunteer_hours": "4",
    "outsource": ["create"], "insource": ["community"],
}
GREEK = ("Άλφα", "Βήτα", "Γάμμα", "Δέλτα")  # user-typed names: not English, so never a leak


def _edited_catalog():
    raw = CATALOG.to_raw()
    raw["roles"]["roles"][0]["pay_sek_month"] += 7_000
    return build_catalog(raw, origin="edited")


@pytest.fixture
def pseudo_app(monkeypatch, tmp_path):
    """The pseudo-locale switched on, and a database of its own with saved scenarios: two to compare
    (the second with edited assumptions and a changed note), a copy of the first, one in the trash."""
    monkeypatch.setenv(PSEUDO_ENV, "1")
    url = f"sqlite:///{tmp_path / 'pseudo.sqlite'}"
    monkeypatch.setenv(ENV_VAR, url)
    store = ScenarioStore(url)
    try:
        first = store.save(GREEK[0], Scenario.from_query_params(
            {key: value if isinstance(value, list) else [value] for key, value in STRETCHED.items()}),
            note="Σημείωση: γιατί αυτό.")
        second = store.save(GREEK[1], Scenario(team_size=5, budget_sek=4_000_000, channels=6),
                            note="Μεγαλύτερη ομάδα.", assumptions_yaml=_edited_catalog().to_yaml())
        store.update(second.id, name=GREEK[1], note="Μεγαλύτερη ομάδα, με αλλαγές.")
        store.duplicate(first.id, GREEK[3])
        store.delete(store.save(GREEK[2], Scenario(team_size=1)).id)
        yield [first.id, second.id]
    finally:
        store.close()


def _simulator(ids: list[int]) -> Iterator[AppTest]:
    yield run(new_app(STRETCHED))
    yield run(new_app({"lang": PSEUDO, "team_size": "0", "budget_sek": "0"}))  # nobody, nothing bought
    # a link with values the app refuses: the notes on what was used instead
    yield run(new_app({"lang": PSEUDO, "channels": "πολλά", "team": ["ρόλος"], "χρώμα": "1"}))
    at = new_app({"lang": PSEUDO})
    at.session_state[CATALOG_KEY] = _edited_catalog()  # the edited-assumptions banner
    yield run(at)
    at = new_app(STRETCHED)
    at.session_state["show_ranges"] = True  # the Monte Carlo's bands
    yield run(at)


def _compare(ids: list[int]) -> Iterator[AppTest]:
    at = new_app(STRETCHED, page="compare")
    at.session_state["cmp_pick"] = ["current", *(f"saved:{ident}" for ident in ids)]
    at.session_state["cmp_selected"] = ids[0]  # its history: saved, duplicated
    at.session_state["cmp_raci_grid"] = True
    at.session_state["cmp_ranges"] = True  # how often each beats the baseline over the same draws
    yield run(at)
    at.toggle(key="cmp_raci_grid").set_value(False)
    yield run(at)
    at.toggle(key="cmp_present").set_value(True)
    yield run(at)
    at.segmented_control(key="cmp_present_mode").set_value("compare")
    yield run(at)


def _tradeoffs(ids: list[int]) -> Iterator[AppTest]:
    at = run(new_app(STRETCHED, page="tradeoffs"))
    yield at
    at.toggle(key="to_frontier_clean").set_value(True)
    at.button(key="to_apply_move").click()
    yield run(at)


def _capabilities(ids: list[int]) -> Iterator[AppTest]:
    yield run(new_app(STRETCHED, page="capabilities"))


def _assumptions(ids: list[int]) -> Iterator[AppTest]:
    at = new_app(STRETCHED, page="assumptions")
    at.session_state[CATALOG_KEY] = _edited_catalog()
    yield run(at)


def _handover(ids: list[int]) -> Iterator[AppTest]:
    yield run(new_app(STRETCHED, page="handover"))


def _roadmap(ids: list[int]) -> Iterator[AppTest]:
    yield run(new_app({**STRETCHED, "hires": "1", "growth_per_quarter": "0.1"}, page="roadmap"))


PAGES: dict[str, Callable[[list[int]], Iterator[AppTest]]] = {
    "simulator": _simulator, "compare": _compare, "tradeoffs": _tradeoffs,
    "capabilities": _capabilities, "assumptions": _assumptions, "handover": _handover,
    "roadmap": _roadmap,
}


def test_every_page_of_the_app_is_covered():
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))  # importing app.py would run it
    table = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(target, "id", "") == "PAGES" for target in node.targets))
    paths = [entry[0] for entry in ast.literal_eval(table)]
    assert {path.removeprefix("pages/").removesuffix(".py") for path in paths} == set(PAGES)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_visible_string_passes_through_the_catalog(page, pseudo_app, caplog):
    shown: list[Shown] = []
    for at in PAGES[page](pseudo_app):
        # app.py shows a page that raised as one translated error (which run() cannot recognise
        # in the pseudo-locale) and logs it: a page that broke halfway is not a page checked
        failures = [record for record in caplog.records if record.name == "app" and record.exc_info]
        assert not failures, (f"the {page} page failed in the pseudo-locale ({failures[0].getMessage()}):\n"
                              + logging.Formatter().formatException(failures[0].exc_info))
        assert at.session_state["lang"] == PSEUDO
        texts = shown_texts(at, page)
        assert any("ḗ" in item.text for item in texts), "nothing on the page is in the pseudo-locale"
        shown += texts
    leaks = leak_report(shown)
    assert not leaks, (f"{len(leaks)} texts on the {page} page did not pass through the catalog "
                       "(wrap them in _(lang, ...), or N_() where a table stores them):\n"
                       + "\n".join(leaks))


def test_users_are_never_offered_the_pseudo_locale(monkeypatch):
    monkeypatch.delenv(PSEUDO_ENV, raising=False)
    at = run(new_app({"lang": PSEUDO}))
    assert at.session_state["lang"] == "en"  # the link's lang=qps is ignored
    assert at.sidebar.radio(key="lang").options == list(LANGS.values())
    monkeypatch.setenv(PSEUDO_ENV, "1")
    at = run(new_app({"lang": PSEUDO}))
    assert at.session_state["lang"] == PSEUDO
    assert at.sidebar.radio(key="lang").options == [*LANGS.values(), "Pseudo (qps)"]


def test_the_check_sees_a_hard_coded_string():
    """The reader finds text in every kind of place it looks, and the check flags it."""
    leaking = [Shown("x", "Hello world"), Shown("x", "<b>Ħḗŀŀǿ</b> Plan"), Shown("x", ":red[Cost]")]
    clean = [Shown("x", "<span style='color:red'>Ħḗŀŀǿ</span> [ŀīƞķ](https://example.com/a)"),
             Shown("x", "%{y:.0f} {name} :material/check: SEK 100,000 · 12 %"),
             Shown("x", ":gray-badge[ǿƥŧīǿƞȧŀ] <style>.a{color:red}</style>"),
             Shown("x", "http://localhost:8501/?team=social_media_manager&lang=qps"),
             Shown("x", "?team_size=0&lang=qps"),
             Shown("x", "- posts_per_week: ḗẋƥḗƈŧḗḓ 'πολλά'")]
    assert [item.leaks() for item in leaking] == [["Hello", "world"], ["Plan"], ["Cost"]]
    assert [item.leaks() for item in clean] == [[]] * len(clean)
    figure = {"data": [{"type": "bar", "name": "Agency", "x": [1, 2], "y": ["Create", "Lead"],
                        "marker": {"color": "red"}, "customdata": [["id_one"]],
                        "hovertemplate": "%{y}: %{x}<extra></extra>"}],
              "layout": {"title": {"text": "Cost", "font": {"family": "Arial"}},
                         "xaxis": {"title": {"text": "Hours"}, "tickformat": ",.0f"}}}
    assert sorted(text for _key, text in _json_strings(figure, PLOTLY_TEXT)) == [
        "%{y}: %{x}<extra></extra>", "Agency", "Cost", "Create", "Hours", "Lead"]
