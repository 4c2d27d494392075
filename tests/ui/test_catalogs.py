"""The translation catalogs: every text in the code and data has a Swedish translation, the
catalogs are in step with the code, and translations keep their placeholders."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from ui import catalogs
from ui.fmt import msek, names_list, number, pct, sek
from ui.i18n import LANGS, PSEUDO, _, gettext, n_, pseudo

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture(scope="module")
def template():
    return catalogs.extract()


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_every_text_has_a_translation(lang):
    assert catalogs.missing(lang) == []


def test_the_template_in_the_repository_is_current(template):
    """`python -m ui.catalogs update` was run after the last change of a text."""
    with catalogs.TEMPLATE.open("rb") as handle:
        stored = read_po(handle)
    assert {m.id for m in stored if m.id} == {m.id for m in template if m.id}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_translations_keep_the_placeholders(lang):
    catalog = catalogs.read(lang)
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) - {"count"}
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) - {"count"} == wanted, (message.id, text)


def test_languages_are_the_catalogs_named_in_their_own_language():
    assert LANGS == {"en": "English", "sv": "Svenska"}


def test_translate_and_fill():
    assert _("sv", "Cost **{amount}**", amount="5 kr") == "Kostnad **5 kr**"
    assert _("en", "Cost **{amount}**", amount="SEK 5") == "Cost **SEK 5**"
    assert _("sv", "a text nobody translated") == "a text nobody translated"
    assert gettext("sv", "") == ""


def test_plural_forms():
    assert n_("sv", "{count} value changed.", "{count} values changed.", 1) == "1 värde ändrat."
    assert n_("sv", "{count} value changed.", "{count} values changed.", 3) == "3 värden ändrade."
    assert n_("en", "{count} value changed.", "{count} values changed.", 3) == "3 values changed."


def test_pseudo_locale_keeps_markup_and_leaves_no_ascii_letter():
    text = pseudo("Cost <b>{amount}</b> see [the page](https://example.org/x) and :red[alert]")
    assert "{amount}" in text and "<b>" in text and "](https://example.org/x)" in text and ":red[" in text
    outside = re.sub(r"\{[^}]*\}|<[^>]*>|\]\([^)]*\)|:[a-z]+\[", "", text)
    assert not re.search(r"[A-Za-z]", outside)
    assert len(text) > len("Cost <b>{amount}</b> see [the page](https://example.org/x) and :red[alert]")
    assert _(PSEUDO, "Hello {name}", name="Bo").startswith("Ħḗŀŀǿ Bo")


@pytest.mark.parametrize(("lang", "money", "share", "millions", "decimal", "names"), [
    ("en", "SEK\u00a01,500,000", "81%", "1.5\u00a0MSEK", "1,234.5", "a, b or c"),
    ("sv", "1\u00a0500\u00a0000\u00a0kr", "81\u00a0%", "1,5\u00a0mnkr", "1\u00a0234,5", "a, b eller c"),
])
def test_numbers_are_written_by_the_locale(lang, money, share, millions, decimal, names):
    assert sek(1_500_000, lang) == money
    assert pct(0.81, lang) == share
    assert msek(1_500_000, lang) == millions
    assert number(1234.5, lang, 1) == decimal
    assert names_list(["a", "b", "c"], lang, "or") == names
