"""CSV exports are safe to open in a spreadsheet: no cell a user or an imported catalog wrote
starts with a character that makes a formula, every text reads back as it was written (apart
from the added quote), and numbers stay numbers. Checked on the helper, on the plan CSV and the
RACI CSV of a catalog full of hostile names, and on the download buttons the pages serve."""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from model import Scenario, build_catalog, simulate
from storage import ENV_VAR, ScenarioStore
from tests.apptest_support import ROOT, new_app, run
from ui.charts import provider_label
from ui.exports import BOM, DANGEROUS_START, csv_text, defuse
from ui.i18n import _
from ui.planview import CSV_COLUMNS, plan_csv
from ui.report import raci_table
from ui.state import CATALOG_KEY

HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "a\r\nb",
           'say "hi", then; go', "-5", "|cmd"]
NUMBERS = {"hours_week", "cost_sek_year", "fit"}


def hostile_catalog(catalog):
    """The shipped catalog with every role, provider and capability renamed to a hostile text
    (unique, each starting as in HOSTILE), in both languages."""
    raw = catalog.to_raw()
    entries = raw["roles"]["roles"] + raw["providers"]["providers"] + raw["capabilities"]["capabilities"]
    for number, item in enumerate(entries):
        name = f"{HOSTILE[number % len(HOSTILE)]} {number}"
        item["name"] = {"en": name, "sv": name + " sv"}
    return build_catalog(raw, origin="hostile")


@pytest.fixture(scope="module")
def hostile(catalog):
    return hostile_catalog(catalog)


@pytest.fixture(scope="module")
def plan(hostile):
    """A plan with a named team and agencies and freelancers bought: every kind of name shows."""
    scenario = hostile.presets["small_team_agency"].scenario
    return simulate(scenario, hostile)


def read_rows(text: str, **options) -> list[list]:
    """The CSV as the csv module reads it (a file opened with newline='' ), without the BOM."""
    assert text.startswith(BOM)  # Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(text[len(BOM):], newline=""), **options))


def undefused(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1:2] in DANGEROUS_START else cell


def assert_safe(rows: list[list[str]]) -> None:
    """No cell starts like a formula; a negative number is a number, not a formula."""
    number = re.compile(r"-\d+(\.\d+)?([eE][-+]?\d+)?")
    dangerous = [cell for row in rows for cell in row
                 if cell.startswith(DANGEROUS_START) and not number.fullmatch(cell)]
    assert not dangerous, dangerous[:10]


def assert_reads_back(rows: list[list[str]], frame: pd.DataFrame) -> None:
    """The rows hold the frame: its column names and texts as written (less the added quote) and
    its numbers as numbers."""
    header, *body = rows
    assert [undefused(name) for name in header] == [str(name) for name in frame.columns]
    assert len(body) == len(frame)
    for row, (_index, expected) in zip(body, frame.iterrows(), strict=True):
        assert len(row) == len(expected)
        for cell, value in zip(row, expected, strict=True):
            if isinstance(value, str):
                assert undefused(cell) == value
            else:
                assert float(cell) == pytest.approx(float(value))


# ---- the helper ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE)
def test_defuse_prefixes_exactly_the_texts_a_spreadsheet_reads_as_formulas(text):
    expected = "'" + text if text[0] in "=+-@\t\r" else text
    assert defuse(text) == expected


@pytest.mark.parametrize("number", [-2, -2.5, 0, 3, 1e-9, np.int64(-7), np.float64(-0.25)])
def test_numbers_are_not_touched(number):
    assert defuse(number) is number


def test_a_frame_round_trips_with_its_numbers_as_numbers():
    frame = pd.DataFrame({
        "=name": HOSTILE,
        "number": [-1.5 * index for index in range(len(HOSTILE))],
        "count": list(range(-3, len(HOSTILE) - 3)),
        "mixed": [-4, "-4", 2.5, None, "@x", "ok", "a,b", '"q"', "\n", "x"],
    })
    text = csv_text(frame)
    assert text.startswith(BOM + '"\'=name","number","count","mixed"\r\n') and text.endswith('"x"\r\n')
    rows = read_rows(text)
    assert_safe(rows)
    header, *body = rows
    assert header == ["'=name", "number", "count", "mixed"]
    assert [undefused(row[0]) for row in body] == HOSTILE
    assert [float(row[1]) for row in body] == frame["number"].tolist()
    assert [int(row[2]) for row in body] == frame["count"].tolist()
    assert [row[3] for row in body] == ["-4", "'-4", "2.5", "", "'@x", "ok", "a,b", '"q"', "\n", "x"]
    # every text is quoted and every number bare: a reader that types by quoting gets them back
    typed = read_rows(text, quoting=csv.QUOTE_NONNUMERIC)
    assert all(isinstance(row[0], str) for row in typed)
    assert all(isinstance(row[1], float) and isinstance(row[2], float) for row in typed[1:])
    assert [type(row[3]) for row in typed[1:4]] == [float, str, float]


def test_pandas_reads_it_back_as_the_frame():
    frame = pd.DataFrame({"name": ["plain", "Åsa Öberg", "-2+3"], "hours": [1.25, -2.0, 3.0]})
    back = pd.read_csv(io.StringIO(csv_text(frame)), keep_default_na=False)
    assert list(back.columns) == ["name", "hours"]  # the BOM is not part of the first name
    assert back["name"].tolist() == ["plain", "Åsa Öberg", "'-2+3"]
    assert back["hours"].tolist() == [1.25, -2.0, 3.0]


def test_the_index_and_dates_can_be_written():
    frame = pd.DataFrame({"when": pd.to_datetime(["2026-01-02 03:04:05"]), "flag": [True]},
                         index=pd.Index(["=x"], name="who"))
    rows = read_rows(csv_text(frame, index=True, date_format="%Y-%m-%d %H:%M"))
    assert rows == [["who", "when", "flag"], ["'=x", "2026-01-02 03:04", "True"]]


# ---- the plan and the RACI of a hostile catalog ------------------------------------------------
def test_the_hostile_names_reach_the_plan(hostile, plan):
    """The names really reach the exports (else the tests below would prove nothing)."""
    names = {provider_label(line.provider_type, line.provider, line.seat, hostile, "en")
             for line in plan.assignments}
    assert sum(name.startswith(DANGEROUS_START) for name in names) >= 3
    assert any(line.provider_type != "in_house" for line in plan.assignments)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_plan_csv_is_safe_and_complete(hostile, plan, lang):
    rows = read_rows(plan_csv(plan, hostile, lang))
    assert_safe(rows)
    header, *body = rows
    assert header == list(CSV_COLUMNS)
    lines = [(line.capability, line.provider_type, line.provider, line.seat or "", line.hours, line.cost_sek,
              line.fit) for line in plan.assignments]
    lines += [(cap, "uncovered", "", "", left, 0.0, 0.0)
              for cap, left in plan.uncovered.items() if left > 1e-6]
    assert len(body) == len(lines)
    for row, (cap, kind, provider, seat, hours, cost, fit) in zip(body, lines, strict=True):
        cells = dict(zip(CSV_COLUMNS, row, strict=True))
        assert (cells["capability"], cells["provider_type"], cells["provider"], cells["seat"]) == \
            (cap, kind, provider, seat)
        assert undefused(cells["capability_name"]) == _(lang, hostile.name(cap))
        label = "" if kind == "uncovered" else provider_label(kind, provider, seat or None, hostile, lang)
        assert undefused(cells["provider_name"]) == label
        assert float(cells["hours_week"]) == pytest.approx(hours, abs=0.005)
        assert float(cells["cost_sek_year"]) == pytest.approx(cost, abs=0.5)
        assert float(cells["fit"]) == pytest.approx(fit, abs=0.005)
    typed = read_rows(plan_csv(plan, hostile, lang), quoting=csv.QUOTE_NONNUMERIC)
    for row in typed[1:]:
        cells = dict(zip(CSV_COLUMNS, row, strict=True))
        assert all(isinstance(cells[name], float) and math.isfinite(cells[name]) for name in NUMBERS)
        assert all(isinstance(cells[name], str) for name in set(CSV_COLUMNS) - NUMBERS)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_raci_csv_is_safe_and_complete(hostile, plan, lang):
    table = raci_table(plan, hostile, lang)
    rows = read_rows(csv_text(table))
    assert_safe(rows)
    assert_reads_back(rows, table)
    assert sum(cell.startswith("'") for row in rows for cell in row) >= 9  # the capability names at least


# ---- what the pages serve ----------------------------------------------------------------------
@pytest.fixture
def served(monkeypatch) -> dict[str, bytes]:
    """file name -> the bytes of every download button the app registers while the test runs."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes) and filename:
            files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'exports.sqlite'}"
    monkeypatch.setenv(ENV_VAR, url)
    return url


def test_the_simulator_serves_the_safe_plan_csv(hostile, served):
    at = new_app({"team_size": "3"})
    at.session_state[CATALOG_KEY] = hostile
    run(at)
    text = served["social-media-plan.csv"].decode("utf-8")
    assert text == plan_csv(simulate(Scenario(team_size=3), hostile), hostile, "en")
    rows = read_rows(text)
    assert_safe(rows)
    assert any(cell.startswith("'") for row in rows for cell in row)


def test_the_compare_page_serves_the_safe_raci_csv(hostile, served, db_url):
    at = new_app({"team_size": "3"}, page="compare")
    at.session_state[CATALOG_KEY] = hostile
    run(at)
    assert "RACI (CSV)" in {button.label for button in at.get("download_button")}
    rows = read_rows(served["current-scenario-raci.csv"].decode("utf-8"))
    assert_safe(rows)
    assert_reads_back(rows, raci_table(simulate(Scenario(team_size=3), hostile), hostile, "en"))


def test_the_saved_scenarios_table_has_a_safe_csv_download(served, db_url):
    store = ScenarioStore(db_url)
    try:
        store.save('=HYPERLINK("http://x","click")', Scenario(team_size=2), note="@SUM(A1)\r\n-2+3")
        store.save("+1 plan", Scenario(team_size=3), note="\tTab")
    finally:
        store.close()
    at = run(new_app(page="compare"))
    assert "Saved scenarios (CSV)" in {button.label for button in at.get("download_button")}
    rows = read_rows(served["saved-scenarios.csv"].decode("utf-8"))
    assert_safe(rows)
    header, *body = rows
    assert header == ["Name", "Summary", "Note", "Status", "Updated"]
    notes = {undefused(row[0]): undefused(row[2]) for row in body}
    # the names as typed, the notes on one line as the table shows them
    assert notes == {'=HYPERLINK("http://x","click")': "@SUM(A1) -2+3", "+1 plan": "Tab"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[4]) for row in body)


def test_the_tables_built_in_csv_download_is_off():
    """st.dataframe's toolbar would write names and notes as they are (Streamlit 1.67 can turn it
    off only for the whole app): the app serves its own safe CSV instead."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
