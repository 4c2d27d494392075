"""Saved scenarios: a database through SQLAlchemy (schema by Alembic), scoped to workspaces, and
scenario files (YAML). No Streamlit here.

    from storage import ScenarioStore, resolve_database_url
    store = ScenarioStore(resolve_database_url())       # SQLite file saved/scenarios.sqlite
    key = store.new_workspace()                         # an unguessable key; only its hash is stored
    space = store.workspace(key, user="ann@example.org")  # None, None: the default workspace, no login
    saved = space.save("Two people and an agency", scenario, note="Why this option")
    space.delete(saved.id); space.restore(saved.id)     # the trash keeps it for 30 days
    space.history(saved.id)                             # who changed what, when
"""

from .files import MAX_SCENARIO_BYTES, read_scenario_file, scenario_file_text
from .scenarios import (
    ANONYMOUS,
    DEFAULT_DATABASE_PATH,
    ENV_VAR,
    TRASH_DAYS,
    HistoryEntry,
    InvalidInputError,
    NameTakenError,
    NotAllowedError,
    NotFoundError,
    SavedScenario,
    ScenarioStore,
    StorageError,
    Workspace,
    WorkspaceNotFoundError,
    resolve_database_url,
)
from .schema import SCHEMA_VERSION

__all__ = [
    "ANONYMOUS", "DEFAULT_DATABASE_PATH", "ENV_VAR", "MAX_SCENARIO_BYTES", "SCHEMA_VERSION", "TRASH_DAYS",
    "HistoryEntry", "InvalidInputError", "NameTakenError", "NotAllowedError", "NotFoundError",
    "SavedScenario", "ScenarioStore", "StorageError", "Workspace", "WorkspaceNotFoundError",
    "read_scenario_file", "resolve_database_url", "scenario_file_text",
]
