"""The app's one feedback path: the markdown escaper, messages that callbacks leave for a spot of
the page (ui/feedback), and storage errors turned into one message in the user's language
(ui/saved.attempt), on the Compare page in Swedish too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st

from model import ScenarioError
from model.errors import Problem
from storage import ENV_VAR, InvalidInputError, NameTakenError, NotAllowedError, NotFoundError, StorageError
from tests.apptest_support import new_app, run
from ui import feedback, saved


@pytest.fixture
def messages():
    """The messages left for the next run, emptied before and after."""
    st.session_state.pop(feedback.FLASH_KEY, None)
    yield lambda: st.session_state.get(feedback.FLASH_KEY, [])
    st.session_state.pop(feedback.FLASH_KEY, None)


def test_md_escape_leaves_no_list_heading_or_link_to_form():
    text = "- one\n  + two\n3. three\nTitle\n===\nann@example.org, WWW.example.org: 2.5, got -5 in same.yaml"
    escaped = feedback.md_escape(text)
    assert escaped.splitlines()[:5] == ["\\- one", "  \\+ two", "3\\. three", "Title", "\\==="]
    assert escaped.splitlines()[5] == "ann\\@example.org, WWW\\.example.org\\: 2.5, got -5 in same.yaml"
    assert re.sub(r"\\(.)", r"\1", escaped) == text


def test_a_message_waits_for_its_spot(messages):
    feedback.flash("io", "error", {"en": "Refused.", "sv": "Avvisad."})
    feedback.flash("top", "success", "Saved *bold*.")
    assert feedback.has_flash("io") and feedback.has_flash("top") and not feedback.has_flash("other")
    feedback.show_flash("top", "sv")
    assert [spot for spot, _, _ in messages()] == ["io"]
    feedback.show_flash("io", "sv")
    assert messages() == []


@pytest.mark.parametrize("error, en, sv", [
    (NameTakenError("Plan"), "a saved scenario is already called “Plan”",
     "det finns redan ett sparat scenario som heter ”Plan”"),
    (NotAllowedError("Plan", "ann@example.org"), "only its owner (ann@example.org) may change",
     "bara ägaren (ann@example.org) får ändra"),
    (NotFoundError(7), "it does not exist any more", "det finns inte längre"),
    (InvalidInputError("saved.name.empty"), "the name is empty", "namnet är tomt"),
    (InvalidInputError("saved.note.too_long", length=5000, limit=4000),
     "the note is 5,000 characters long; at most 4,000",
     "anteckningen är 5\u00a0000 tecken lång; högst 4\u00a0000"),
    (StorageError("the database refused the change: disk full"),
     "the database refused the change: disk full", "the database refused the change: disk full"),
])
def test_each_storage_error_is_said_in_the_users_language(error, en, sv):
    assert saved.problem_text(error, "en").startswith(en)
    assert saved.problem_text(error, "sv").startswith(sv)


def test_attempt_returns_the_result_or_flashes_one_message(messages):
    assert saved.attempt("en", "Not saved", lambda: 42) == 42
    assert messages() == []

    def taken():
        raise NameTakenError("Plan")

    assert saved.attempt("sv", "Not saved", taken) is None
    assert messages() == [(saved.FLASH_SPOT, "error", "Inte sparat: det finns redan ett sparat scenario som "
                                                      "heter ”Plan”. Välj ett annat namn.")]


def test_an_unreadable_saved_scenario_is_said_in_the_users_language(messages):
    def unreadable():
        raise ScenarioError([Problem("yaml.invalid", {"line": 2, "column": 5}),
                             Problem("number.expected", {"got": "'x'", "key": "channels"})])

    assert saved.attempt("sv", "Could not load it", unreadable) is None
    assert messages() == [(saved.FLASH_SPOT, "error", "Kunde inte läsa in det: inte giltig YAML på rad 2, "
                                                      "kolumn 5; channels: förväntade ett tal, fick 'x'.")]


def test_anything_else_than_a_storage_error_is_not_swallowed(messages):
    def broken():
        raise KeyError("bug")

    with pytest.raises(KeyError):
        saved.attempt("en", "Not saved", broken)
    assert messages() == []


def save(at):
    next(button for button in at.button if button.label == "Spara").click()
    return run(at)


def test_the_compare_page_refuses_in_swedish(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'sv.sqlite'}")
    at = run(new_app({"lang": "sv"}, page="compare"))
    for name in ("Plan", " plan ", "   "):
        at.text_input(key="cmp_save_name").input(name)
        at = save(at)
    errors = [re.sub(r"\\(.)", r"\1", str(error.value)) for error in at.error]
    assert errors == ["Inte sparat: namnet är tomt."]
    at.text_input(key="cmp_save_name").input("PLAN")
    at = save(at)
    errors = [re.sub(r"\\(.)", r"\1", str(error.value)) for error in at.error]
    assert errors == ["Inte sparat: det finns redan ett sparat scenario som heter ”PLAN”. Välj ett annat "
                      "namn, eller välj det under Sparade scenarier och använd ”Uppdatera från sidopanelen”."]
