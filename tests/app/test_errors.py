"""A broken knowledge base gets a clear message on screen, never a traceback."""

from __future__ import annotations

import shutil

import model.catalog
from tests.apptest_support import new_app
from ui.state import default_catalog


def test_broken_data_file_shows_file_entry_and_key(tmp_path, monkeypatch):
    broken = tmp_path / "data"
    shutil.copytree(model.catalog.DATA_DIR, broken)
    roles = broken / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("pay_sek_month: 35200",
                                                               "pay_sek_month: -5"), encoding="utf-8")
    monkeypatch.setattr(model.catalog, "DATA_DIR", broken)
    default_catalog.clear()
    try:
        at = new_app()
        at.run()
        assert not at.exception
        messages = [error.value for error in at.error]
        assert any("roles.yaml" in text and "graphic_designer" in text and "pay_sek_month" in text
                   for text in messages), messages
    finally:
        default_catalog.clear()
