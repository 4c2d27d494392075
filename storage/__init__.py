"""Saved scenarios: a database through SQLAlchemy, and scenario files (YAML). No Streamlit here.

    from storage import ScenarioStore, resolve_database_url
    store = ScenarioStore(resolve_database_url())       # SQLite file saved/scenarios.sqlite
    saved = store.save("Two people and an agency", scenario, note="Why this option")
"""

from .files import MAX_SCENARIO_BYTES, read_scenario_file, scenario_file_text
from .scenarios import (
    DEFAULT_DATABASE_PATH,
    ENV_VAR,
    SCHEMA_VERSION,
    InvalidInputError,
    NameTakenError,
    NotFoundError,
    SavedScenario,
    ScenarioStore,
    StorageError,
    resolve_database_url,
)

__all__ = [
    "DEFAULT_DATABASE_PATH", "ENV_VAR", "MAX_SCENARIO_BYTES", "SCHEMA_VERSION", "InvalidInputError",
    "NameTakenError", "NotFoundError", "SavedScenario", "ScenarioStore", "StorageError",
    "read_scenario_file", "resolve_database_url", "scenario_file_text",
]
