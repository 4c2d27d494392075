"""ui/state.py: the objects alive after the app's first run are frozen once, so the garbage
collection Streamlit runs after every rerun does not walk the imports again."""

from __future__ import annotations

from tests.apptest_support import new_app
from ui import state


class _RecordingGC:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def collect(self) -> int:
        self.calls.append("collect")
        return 0

    def freeze(self) -> None:
        self.calls.append("freeze")


def test_startup_objects_are_frozen_once_after_collecting(monkeypatch):
    fake = _RecordingGC()
    monkeypatch.setattr(state, "gc", fake)
    monkeypatch.setattr(state, "_frozen", False)
    assert state.freeze_startup_objects() is True
    assert state.freeze_startup_objects() is False
    assert fake.calls == ["collect", "freeze"]  # garbage is collected first: none of it is frozen


def test_the_app_freezes_after_its_first_run(monkeypatch):
    fake = _RecordingGC()
    monkeypatch.setattr(state, "gc", fake)
    monkeypatch.setattr(state, "_frozen", False)
    at = new_app()
    at.run()
    assert not at.exception
    assert fake.calls == ["collect", "freeze"]
    at.sidebar.slider(key="team_size").set_value(3).run()
    assert not at.exception
    assert fake.calls == ["collect", "freeze"]  # not again on later reruns


def test_plan_cache_keys_on_the_scenario_the_catalog_fingerprint_and_the_language():
    from dataclasses import replace

    from model import Scenario, load_catalog

    @state.plan_cache(max_entries=8)
    def build(scenario, catalog, lang):
        return object()

    catalog = load_catalog()
    first = build(Scenario(team_size=2), catalog, "en")
    assert build(Scenario(team_size=2), load_catalog(), "en") is first  # equal fields, same data: a hit
    assert build(Scenario(team_size=3), catalog, "en") is not first
    assert build(Scenario(team_size=2, team=("copywriter",)), catalog, "en") is not first
    assert build(Scenario(team_size=2), catalog, "sv") is not first
    assert build(Scenario(team_size=2), replace(catalog, fingerprint="edited"), "en") is not first
