"""AppTest of ui/uploads.py on the pages that take a file: a refused upload is read once, not
again on every rerun of the page while the file stays in the uploader."""

from __future__ import annotations

import pytest

import model.assumptions
import ui.saved
from model import load_catalog
from tests.apptest_support import new_app, run
from ui.uploads import STATE_KEY

HOSTILE = b"[" * 30_000 + b"]" * 30_000  # refused by the reader: nested too deep


@pytest.fixture
def reads(monkeypatch):
    """How often the pages read a scenario file and an assumption set (the functions they import
    on each run, counted)."""
    counted = {"scenario": 0, "catalog": 0}

    def counting(module, name, kind):
        original = getattr(module, name)

        def read(*args, **kwargs):
            counted[kind] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, read)

    counting(ui.saved, "read_scenario_file", "scenario")  # the door to storage/
    counting(model.assumptions, "import_yaml", "catalog")
    return counted


def test_a_refused_scenario_file_is_read_once_across_reruns(reads, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIAL_SIM_DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite'}")
    at = run(new_app(page="compare"))
    at.file_uploader(key="cmp_upload").set_value(("deep.yaml", HOSTILE, "application/x-yaml"))
    for _ in range(3):  # the file stays in the uploader: every rerun shows the same refusal
        at = run(at)
        refusal = [str(error.value) for error in at.error if "was not used" in str(error.value)]
        assert len(refusal) == 1 and "nested" in refusal[0]
    assert reads["scenario"] == 1
    good = b"scenario:\n  team_size: 3\n"  # another file is read, once
    at.file_uploader(key="cmp_upload").set_value(("good.yaml", good, "application/x-yaml"))
    at = run(run(at))
    assert reads["scenario"] == 2 and any("is a valid scenario" in str(s.value) for s in at.success)


def test_a_refused_scenario_file_says_every_problem_in_the_pages_language(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIAL_SIM_DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite'}")
    at = run(new_app({"lang": "sv"}, page="compare"))
    bad = b"scenario:\n  team_size: -1\n  chanels: 3\n"
    at.file_uploader(key="cmp_upload").set_value(("bad.yaml", bad, "application/x-yaml"))
    at = run(at)
    (refusal,) = [str(error.value).replace("\\", "") for error in at.error if "bad.yaml" in str(error.value)]
    assert "- team_size: förväntade ett tal från 0 till 30, fick -1" in refusal
    assert ("- okänt fält 'chanels' (inte ett fält i ett scenario) (menade du 'channels'?)" in refusal)


def test_the_same_refused_assumptions_file_is_not_read_again(reads):
    at = run(new_app(page="assumptions"))
    for attempt in range(2):  # the uploader is emptied after each upload; the same file again
        at.file_uploader[0].upload("deep.yaml", HOSTILE, "application/x-yaml")
        at = run(at)
        errors = [str(error.value) for error in at.error]
        assert len(errors) == 1 and "nested" in errors[0], (attempt, errors)
    assert reads["catalog"] == 1
    assert len(at.session_state[STATE_KEY]["assumptions"]) == 1


def test_a_good_assumptions_file_is_still_imported(reads):
    at = run(new_app(page="assumptions"))
    at.file_uploader[0].upload("same.yaml", load_catalog().to_yaml().encode(), "application/x-yaml")
    at = run(at)
    assert any("Imported same.yaml" in str(s.value) for s in at.success)
    assert reads["catalog"] == 1
