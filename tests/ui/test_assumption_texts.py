"""ui/assumption_texts.py words what model/assumptions gives as codes: table titles, row and column
names, units and sources, the table as the data editor shows it, and why an edit was refused, in
English and Swedish (numbers by ui/fmt.py)."""

from __future__ import annotations

import pytest
import yaml

from model.assumptions import (
    BASE,
    SETTINGS,
    SOURCE_CODES,
    SQRT,
    TABLE_IDS,
    UNIT_CODES,
    AssumptionError,
    apply_edits,
    assumption_cells,
    assumption_tables,
    differences,
    import_yaml,
)
from model.catalog import DRIVERS
from ui.assumption_charts import step_label, tornado
from ui.assumption_texts import (
    COLUMN_LABELS,
    DEMAND_PARTS,
    SETTING_LABELS,
    SOURCES,
    TABLE_DESCRIPTIONS,
    TABLE_TITLES,
    UNITS,
    cell_label,
    cell_value_text,
    changes_text,
    refusal_text,
    row_name,
    source_text,
    table_frame,
    unit_text,
    value_text,
)
from ui.fmt import NBSP
from ui.i18n import gettext

SMM = ("social_media_manager", "pay_sek_month")


def refused(catalog, table, key, value) -> AssumptionError:
    with pytest.raises(AssumptionError) as caught:
        apply_edits(catalog, table, {key: value})
    return caught.value


def test_every_code_the_model_gives_has_a_text(catalog):
    assert set(TABLE_TITLES) == set(TABLE_DESCRIPTIONS) == set(TABLE_IDS)
    assert set(UNIT_CODES) <= set(UNITS)
    assert set(SETTINGS) <= set(SETTING_LABELS)
    assert set(SOURCE_CODES) <= set(SOURCES)
    assert {BASE, *DRIVERS, SQRT + "ad_spend_10k"} <= set(DEMAND_PARTS)
    for table in assumption_tables(catalog).values():
        assert {column.key for column in table.columns if not column.name} <= set(COLUMN_LABELS)
        for row in table.rows:
            for lang in ("en", "sv"):
                name = row_name(table.id, row.subject, row.name, row.detail, lang)
                assert name and "{" not in name and "_" not in name, (table.id, row.id, name)
                assert unit_text(row.unit, lang) if table.long else True
                assert source_text(row.source, lang).strip()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_text_is_translated(lang):
    """Each msgid of the tables has a Swedish translation (English: itself)."""
    same = ("influencers", "per influencer", "Social Media Manager")  # the same words in Swedish
    for table in (TABLE_TITLES, TABLE_DESCRIPTIONS, COLUMN_LABELS, SETTING_LABELS, UNITS, DEMAND_PARTS,
                  SOURCES):
        for msgid in table.values():
            assert (gettext(lang, msgid) != msgid) == (lang == "sv") or msgid in same, msgid


@pytest.mark.parametrize(("table", "row", "en", "sv"), [
    ("pay", "social_media_manager", "Social Media Manager", "Social Media Manager"),
    ("demand", "strategy.base_hours", "Strategy · base", "Strategi · grund"),
    ("demand", "strategy.channels", "Strategy · per channel", "Strategi · per kanal"),
    ("demand", "advertise.ad_spend_10k", "Social advertising · × √(ad spend / 10,000 SEK a month)",
     f"Annonsering · × √(annonsbudget / 10{NBSP}000 kr i månaden)"),
    ("settings", "min_fit", "Minimum fit", "Lägsta matchning"),
    ("rules", "lead_in_house.min_share", "The work is led in-house · minimum share",
     "Arbetet leds internt · minsta andel"),
])
def test_row_names(catalog, table, row, en, sv):
    [found] = [item for item in assumption_tables(catalog)[table].rows if item.id == row]
    assert row_name(table, found.subject, found.name, found.detail, "en") == en
    assert row_name(table, found.subject, found.name, found.detail, "sv") == sv


def test_units_and_values_are_written_for_the_language(catalog):
    cells = assumption_cells(catalog)
    pay = cells[("pay", *SMM)]
    assert cell_value_text(pay, 45_000, "en") == "45,000 SEK/month"
    assert cell_value_text(pay, 45_000, "sv") == f"45{NBSP}000 kr/månad"
    assert cell_value_text(pay, None, "sv") == "tomt"
    assert unit_text("h_week_per_10k_sek_month", "sv") == f"h/vecka per 10{NBSP}000 kr/månad"
    assert value_text(0.125, "sv") == "0,125" and value_text(1.5, "en") == "1.5" and value_text(None) == "–"
    assert (step_label(0.2, -1, "en"), step_label(0.2, 1, "sv")) == ("\u221220%", f"+20{NBSP}%")


def test_sources_codes_are_worded_and_citations_shown(catalog):
    tables = assumption_tables(catalog)
    assert source_text(tables["pay"].cell("copywriter", "capacity_hours").source, "en") == \
        "estimate: 40 h less about 15% for internal meetings, admin and training"
    assert source_text("estimate.capacity", "sv").startswith(f"uppskattning: 40 h minus ungefär 15{NBSP}%")
    assert source_text("estimate.guidance.2", "sv") == \
        "uppskattning, efter riktlinjen: Någon internt måste leda arbetet, även när en byrå utför det."
    assert "Akavia" in source_text(tables["pay"].cell(*SMM).source, "sv")


def test_what_an_edit_changed(catalog):
    edited = apply_edits(catalog, "pay", {SMM: 50_000, ("copywriter", "capacity_hours"): 30})
    changes = differences(catalog, edited)
    assert changes_text(changes, "en") == ("Social Media Manager · Pay: 45,000 SEK/month → 50,000 SEK/month; "
                                           "Copywriter · Capacity: 34 h/week → 30 h/week")
    assert changes_text(changes, "sv", limit=1).endswith("; och 1 till")
    assert cell_label(changes[0].cell, "sv") == "Social Media Manager · Lön"


def test_a_refused_edit_names_table_row_and_column(catalog):
    error = refused(catalog, "pay", SMM, -5)
    assert refusal_text(error, "en") == ("Table “Pay and capacity”, row “Social Media Manager”, "
                                         "column “Pay”: expected a number from 0 to 1,000,000, got -5")
    assert refusal_text(error, "sv").startswith(
        "Tabell ”Lön och kapacitet”, rad ”Social Media Manager”, kolumn ”Lön”: ")
    assert f"1{NBSP}000{NBSP}000" in refusal_text(error, "sv")
    assert refusal_text(refused(catalog, "pay", SMM, None), "en").endswith(
        "a number is required (the cell is empty)")
    assert refusal_text(refused(catalog, "pay", SMM, None), "sv").endswith("ett tal krävs (cellen är tom)")
    fit = refusal_text(refused(catalog, "role_fit", ("copywriter", "create"), 2), "en")
    assert fit.startswith("Table “Role fit”, row “Copywriter”, column “Content creation”: ")


def test_an_edit_that_breaks_another_cell_names_both(catalog):
    text = refusal_text(refused(catalog, "settings", ("min_fit", "value"), 0.9), "en")
    assert text.startswith("Table “Settings”, row “Minimum fit”, column “Value”, makes table “Settings”, "
                           "row “Primary fit”, column “Value” invalid: ")


def test_a_refused_import_says_where_in_the_file(catalog):
    merged = yaml.safe_load(catalog.to_yaml())
    next(role for role in merged["roles"] if role["id"] == "copywriter")["pay_sek_month"] = -1
    with pytest.raises(AssumptionError) as caught:
        import_yaml(yaml.safe_dump(merged), origin="mine.yaml", reference=catalog)
    text = refusal_text(caught.value, "en")
    assert text.startswith("Table “Pay and capacity”, row “Copywriter”, column “Pay”: expected a number")
    assert text.endswith("(mine.yaml/roles.yaml: roles[6] (id=copywriter): key 'pay_sek_month')")
    with pytest.raises(AssumptionError) as caught:
        import_yaml("settings: [unclosed\n", origin="bad.yaml")
    assert refusal_text(caught.value, "en") == "bad.yaml: not valid YAML at line 2, column 1"
    assert refusal_text(caught.value, "sv") == "bad.yaml: inte giltig YAML på rad 2, kolumn 1"


def test_the_frame_shows_names_units_and_sources_and_reads_back_as_no_edits(catalog):
    for table in assumption_tables(catalog).values():
        frame = table_frame(table, catalog, "sv")
        assert list(frame["id"]) == [row.id for row in table.rows]
        assert "source" in frame.columns and ("unit" in frame.columns) == table.long
        assert ("annual_cost" in frame.columns) == (table.id == "pay")
        assert table.edits_from_frame(frame) == {}
    pay = table_frame(assumption_tables(catalog)["pay"], catalog, "sv")
    smm = list(pay["id"]).index("social_media_manager")
    assert pay.loc[smm, "annual_cost"] == catalog.roles["social_media_manager"].annual_cost_sek
    assert pay.loc[list(pay["id"]).index("head_of_marketing"), "name"] == "Marknadsansvarig"
    assert pay.loc[smm, "capacity_hours"] == 34.0
    providers = table_frame(assumption_tables(catalog)["providers"], catalog, "en")
    assert "min_retainer_sek_month_source" in providers.columns


def test_the_tornado_names_the_assumptions_in_the_language(catalog):
    from model import Scenario
    from model.assumptions import sensitivity

    report = sensitivity(Scenario(team=("social_media_manager",), budget_sek=1_500_000), catalog)
    figure = tornado(report, "cost", "sv")
    assert figure is not None
    top = [swing for swing in report.ranked("cost") if swing.swing("cost") > 1e-9][:12]
    assert list(figure.data[0].y) == [cell_label(swing.cell, "sv") for swing in reversed(top)]
    assert any(label.startswith("Analys · ") for label in figure.data[0].y)  # a demand row, in Swedish
    assert figure.data[1].name == f"+20{NBSP}%"
    assert all("kr" in text for text in figure.data[0].hovertext)
