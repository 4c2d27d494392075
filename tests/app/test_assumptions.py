"""AppTest of the Assumptions page: tables, edits (as the data editor reports them), resets, YAML
upload, the sensitivity view, and edits reaching the Simulator."""

from __future__ import annotations

import json
import math
import re

import pytest
import yaml

from model import load_catalog
from model.assumptions import TABLE_IDS
from tests.apptest_support import metrics, new_app, run
from ui.state import CATALOG_KEY

SOLO = {"team": "social_media_manager", "budget_sek": "6000000"}
TIGHT = {"team": "social_media_manager", "budget_sek": "1500000"}  # coverage short of 100 %
SMM_ROW = 4  # social_media_manager in data/roles.yaml (and so in the pay table)


def editor_key(table: str, version: int = 0) -> str:
    return f"assume_edit_{table}_{version}"


def edit(at, table: str, row: int, column: str, value, version: int = 0):
    """Make the edit a user makes in a data editor cell, then run."""
    at.session_state[editor_key(table, version)] = {
        "edited_rows": {row: {column: value}}, "added_rows": [], "deleted_rows": []}
    return run(at)


def texts(elements) -> list[str]:
    """The texts of the elements, with the markdown escapes (ui.feedback.md_escape) undone."""
    return [re.sub(r"\\(.)", r"\1", str(element.value)) for element in elements]


def catalog_in_force(at):
    try:
        return at.session_state[CATALOG_KEY]
    except KeyError:
        return None


@pytest.fixture
def page():
    return run(new_app(SOLO, page="assumptions"))


def test_page_shows_every_table_with_units_and_sources(page):
    assert page.title[0].value == "Assumptions"
    keys = [editor.key for editor in page.data_editor]
    assert keys == [editor_key(table) for table in TABLE_IDS]
    pay = page.data_editor[0].value
    assert pay.loc[SMM_ROW, "id"] == "social_media_manager"
    assert pay.loc[SMM_ROW, "pay_sek_month"] == 45_000
    assert "Akavia" in pay.loc[SMM_ROW, "source"]
    demand = page.data_editor[TABLE_IDS.index("demand")].value
    assert {"unit", "source"} <= set(demand.columns)
    assert (demand["unit"].str.len() > 0).all() and (demand["source"].str.len() > 0).all()
    assert "All assumptions are the defaults shipped with the app." in texts(page.info)
    reset_all = next(button for button in page.button if button.key == "assume_reset_all")
    assert reset_all.disabled
    assert catalog_in_force(page) is None


def test_sensitivity_view():
    page = run(new_app(TIGHT, page="assumptions"))
    shown = metrics(page)
    assert shown["Overall coverage now"].endswith("%")
    assert shown["Total cost now"].startswith("SEK")
    charts = page.get("plotly_chart")
    assert len(charts) == 2  # with work left undone, both coverage and cost move
    assert any("assumptions tested" in caption.value for caption in page.caption)


def test_salary_edit_applies_everywhere_and_reaches_the_simulator():
    at = run(new_app(SOLO))
    before = metrics(at)["Cost / least cost"]
    at.switch_page("pages/assumptions.py")
    run(at)
    edit(at, "pay", SMM_ROW, "pay_sek_month", 90_000)
    assert any("45,000 SEK/month → 90,000 SEK/month" in text for text in texts(at.success))
    assert catalog_in_force(at).roles["social_media_manager"].pay_sek_month == 90_000
    assert any("1 assumption differs from the defaults" in text for text in texts(at.warning))
    assert at.data_editor[0].key == editor_key("pay", 1)  # a fresh editor showing the values in force
    assert at.data_editor[0].value.loc[SMM_ROW, "pay_sek_month"] == 90_000
    at.switch_page("pages/simulator.py")
    run(at)
    after = metrics(at)["Cost / least cost"]
    # the manager's fully loaded cost rises by 45,000 x 12 x 1.47 = 0.8 MSEK; the rest is as it was
    spent = lambda shown: float(shown.split(" /")[0])  # noqa: E731
    assert spent(after) - spent(before) == pytest.approx(0.8, abs=0.1), (before, after)


@pytest.mark.parametrize(("column", "value", "says"), [
    ("pay_sek_month", -5, "expected a number from 0 to 1,000,000, got -5"),
    ("pay_sek_month", 1e300, "from 0 to 1,000,000"),
    ("pay_sek_month", None, "a number is required"),
    ("pay_sek_month", "fifty", "a number is required"),  # Streamlit blanks text in a number cell
    ("capacity_hours", 169, "from 0 to 80"),
    ("capacity_hours", math.inf, "finite"),
])
def test_invalid_edit_is_refused_and_the_set_stays(page, column, value, says):
    edit(page, "pay", SMM_ROW, column, value)
    errors = texts(page.error)
    assert len(errors) == 1, errors
    assert "Table “Pay and capacity”, row “Social Media Manager”, column" in errors[0]
    assert says in errors[0] and "The previous value is still in force" in errors[0]
    assert catalog_in_force(page) is None
    assert page.data_editor[0].value.loc[SMM_ROW, "pay_sek_month"] == 45_000  # shown again as in force


def test_invalid_edit_leaves_an_earlier_edit_in_force(page):
    edit(page, "pay", SMM_ROW, "pay_sek_month", 50_000)
    edit(page, "providers", 0, "rate_sek_hour", -1)
    assert texts(page.error) and "Agency and freelance rates" in texts(page.error)[0]
    assert catalog_in_force(page).roles["social_media_manager"].pay_sek_month == 50_000
    assert catalog_in_force(page).providers["social_media_agency"].rate_sek_hour == 1400


def test_fit_and_rule_edits(page):
    edit(page, "role_fit", SMM_ROW, "create", None)  # blank: the role no longer creates content
    assert "create" not in catalog_in_force(page).roles["social_media_manager"].fit
    rules = page.data_editor[TABLE_IDS.index("rules")].value
    row = list(rules["id"]).index("lead_in_house.min_share")
    edit(page, "rules", row, "value", 1.5)
    assert "share 0–1" in str(page.data_editor[TABLE_IDS.index("rules")].value.loc[row, "unit"])
    assert "from 0 to 1, got 1.5" in texts(page.error)[0]


def test_reset_table_and_reset_all(page):
    edit(page, "pay", SMM_ROW, "pay_sek_month", 50_000)
    edit(page, "providers", 0, "rate_sek_hour", 1_000)
    reset_pay = next(button for button in page.button if button.key == "assume_reset_pay")
    assert not reset_pay.disabled
    reset_pay.click()
    run(page)
    catalog = catalog_in_force(page)
    assert catalog.roles["social_media_manager"].pay_sek_month == 45_000
    assert catalog.providers["social_media_agency"].rate_sek_hour == 1_000
    assert page.data_editor[0].value.loc[SMM_ROW, "pay_sek_month"] == 45_000
    next(button for button in page.button if button.key == "assume_reset_all").click()
    run(page)
    assert catalog_in_force(page) is None
    assert "All assumptions are back to the defaults." in texts(page.success)
    assert "All assumptions are the defaults shipped with the app." in texts(page.info)


def test_editing_back_to_the_default_is_not_an_edit(page):
    edit(page, "pay", SMM_ROW, "pay_sek_month", 50_000)
    edit(page, "pay", SMM_ROW, "pay_sek_month", 45_000, version=1)
    assert catalog_in_force(page) is None
    assert "All assumptions are the defaults shipped with the app." in texts(page.info)


def _upload(at, name: str, content: bytes):
    at.file_uploader[0].upload(name, content, "application/x-yaml")
    return run(at)


def test_upload_a_valid_set(page):
    merged = yaml.safe_load(load_catalog().to_yaml())
    merged["roles"][SMM_ROW]["pay_sek_month"] = 61_000
    _upload(page, "client.yaml", yaml.safe_dump(merged, allow_unicode=True).encode())
    assert any("Imported client.yaml: 1 assumption differs" in text for text in texts(page.success))
    assert catalog_in_force(page).roles["social_media_manager"].pay_sek_month == 61_000
    assert page.data_editor[0].value.loc[SMM_ROW, "pay_sek_month"] == 61_000
    assert len(page.file_uploader) == 1 and page.file_uploader[0].value is None  # used once


@pytest.mark.parametrize(("content", "says"), [
    (b"- a list\n- not a mapping\n", "expected a mapping"),
    (b"", "expected a mapping"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    (b"roles: [unclosed\n", "not valid YAML"),
    (b"x: " + b"[" * 3000 + b"]" * 3000, "nested deeper than 40 levels"),
    ("settings: 1" + "0" * 5000, "far too large"),
])
def test_bad_upload_is_refused_and_the_set_in_force_is_untouched(page, content, says):
    edit(page, "pay", SMM_ROW, "pay_sek_month", 50_000)
    _upload(page, "bad.yaml", content if isinstance(content, bytes) else content.encode())
    errors = texts(page.error)
    assert len(errors) == 1 and says in errors[0], errors
    assert "bad.yaml was not imported; the assumptions in force are unchanged." in errors[0]
    assert catalog_in_force(page).roles["social_media_manager"].pay_sek_month == 50_000


def _with_rule_param(rule_id: str, **params) -> bytes:
    merged = yaml.safe_load(load_catalog().to_yaml())
    next(rule for rule in merged["rules"] if rule["id"] == rule_id)["params"].update(params)
    return yaml.safe_dump(merged, allow_unicode=True).encode()


@pytest.mark.parametrize(("content", "says"), [
    (_with_rule_param("analysis_two_kinds", min_hours=10**400), "a number with 401 digits is far too large"),
    (_with_rule_param("one_person_cannot_do_everything", max_capabilities=float("inf")),
     "expected a finite number, got inf"),
])
def test_numbers_that_overflowed_are_refused_with_a_message(page, content, says):
    # these showed Streamlit's exception box (OverflowError); run() fails on any exception element
    _upload(page, "hostile.yaml", content)
    assert not page.exception
    errors = texts(page.error)
    assert len(errors) == 1 and "hostile.yaml was not imported" in errors[0] and says in errors[0], errors
    assert catalog_in_force(page) is None


def test_bad_number_in_upload_names_table_row_and_column(page):
    merged = yaml.safe_load(load_catalog().to_yaml())
    merged["providers"][3]["max_hours_week"] = 500
    _upload(page, "rates.yaml", yaml.safe_dump(merged, allow_unicode=True).encode())
    error = texts(page.error)[0]
    assert "Table “Agency and freelance rates”, row “Freelance graphic designer”, column “Most hours per " \
           "client”: expected a number from 0 to 168, got 500" in error
    assert catalog_in_force(page) is None


def test_swedish():
    at = run(new_app({**SOLO, "lang": "sv"}, page="assumptions"))
    assert at.title[0].value == "Antaganden"
    assert at.data_editor[0].value.loc[SMM_ROW, "name"] == "Social Media Manager"
    edit(at, "pay", SMM_ROW, "pay_sek_month", -1)
    assert "Tabell ”Lön och kapacitet”, rad ”Social Media Manager”, kolumn ”Lön”" in texts(at.error)[0]
    assert "Det tidigare värdet gäller fortfarande" in texts(at.error)[0]
    assert "Total täckning nu" in metrics(at)
    edit(at, "pay", SMM_ROW, "pay_sek_month", 50_000, version=1)
    assert texts(at.success) == ["Gäller nu på alla sidor: Social Media Manager · Lön: 45\u00a0000 kr/månad "
                                 "→ 50\u00a0000 kr/månad"]
    demand = at.data_editor[TABLE_IDS.index("demand")].value
    assert demand.loc[0, "name"] == "Strategi · grund" and demand.loc[0, "unit"] == "h/vecka"


def test_the_ids_are_in_the_table_and_hidden_until_asked_for(page):
    config = json.loads(page.data_editor[0].proto.columns)
    assert config["id"]["hidden"] is True and config["id"]["label"] == "Id"
    assert "hidden" not in config["name"] and config["name"]["label"] == "Name"


# ---- the banner for the Simulator (ui/assumptions_banner.py) -------------------------------------------
BANNER_APP = '''
import streamlit as st

pages = [st.Page("pages/simulator.py", url_path="simulator", default=True),
         st.Page("pages/assumptions.py", url_path="assumptions")]
page = st.navigation(pages)
page.run()
'''
BANNER_PAGE = '''
import streamlit as st

from model.assumptions import apply_edits
from ui.assumptions_banner import assumptions_banner
from ui.state import CATALOG_KEY, default_catalog

change = st.session_state.get("test_change")
if change is not None:
    st.session_state[CATALOG_KEY] = apply_edits(default_catalog(), "pay", change)
st.session_state["shown"] = assumptions_banner(st.session_state.get("test_lang", "en"))


class AssumptionsPage:  # as st.navigation returns it for pages/assumptions.py
    url_path = "assumptions"


st.session_state["shown_there"] = assumptions_banner("en", AssumptionsPage())
'''


@pytest.fixture
def banner_app(tmp_path):
    from streamlit.testing.v1 import AppTest

    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text(BANNER_APP)
    (tmp_path / "pages" / "simulator.py").write_text(BANNER_PAGE)
    (tmp_path / "pages" / "assumptions.py").write_text("import streamlit as st\nst.title('A')\n")
    return AppTest.from_file(str(tmp_path / "app.py"), default_timeout=30)


def test_banner_hidden_with_the_shipped_assumptions(banner_app):
    at = run(banner_app)
    assert at.session_state["shown"] is False and not at.warning
    at.session_state["test_change"] = {("social_media_manager", "pay_sek_month"): 45_000}  # same values
    run(at)
    assert at.session_state["shown"] is False and not at.warning


def test_banner_shows_count_and_links_to_the_assumptions_page(banner_app):
    banner_app.session_state["test_change"] = {("social_media_manager", "pay_sek_month"): 50_000,
                                               ("copywriter", "capacity_hours"): 30}
    at = run(banner_app)
    assert at.session_state["shown"] is True
    assert at.session_state["shown_there"] is False  # the Assumptions page says it itself
    assert texts(at.warning) == ["Assumptions differ from the defaults (see Assumptions). 2 values changed."]
    links = at.get("page_link")
    assert len(links) == 1 and links[0].proto.label == "Review or reset the assumptions"
    at.session_state["test_lang"] = "sv"
    at.session_state["test_change"] = {("social_media_manager", "pay_sek_month"): 50_000}
    run(at)
    assert texts(at.warning) == [
        "Antagandena skiljer sig från standardvärdena (se Antaganden). 1 värde ändrat."]
