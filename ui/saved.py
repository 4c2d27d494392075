"""The app's side of saved scenarios: which database, one cached store per URL, which workspace
and which user, the catalog a saved scenario was made with, and loading a saved scenario back into
the sidebar.

The database URL: env var SOCIAL_SIM_DATABASE_URL, else the Streamlit secret `database_url`
(read guarded: no secrets file is fine), else the SQLite file saved/scenarios.sqlite.

The workspace: a link `…/compare?workspace=<key>` opens a private workspace. `adopt_workspace_link`
(called by app.py before the sidebar reads the link) keeps the key in the session and takes it out
of the address bar, so the address bar and the Simulator's link box stay scenario links that never
carry the key. Without a key the default workspace is used (everyone without a link shares it).

The user: the email (else the OIDC `sub`) of a user logged in with Streamlit's built-in login
(`st.login`, `[auth]` in secrets); None without login.

Storage errors are turned into words here only: `attempt` runs a change and flashes one message in
the user's language when storage refuses it, `fetch` runs a read and returns what went wrong, and
`problem_text` says what an error means. What ui/ needs of storage/ (types, the scenario file
reader and writer) is imported from here, the one door.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from model import Catalog, CatalogError, Scenario, ScenarioError, load_catalog_text
from storage import TRASH_DAYS as TRASH_DAYS  # the door: what ui/ needs of storage/ is named here
from storage import HistoryEntry as HistoryEntry
from storage import (
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
from storage import read_scenario_file as read_scenario_file
from storage import scenario_file_text as scenario_file_text
from ui.feedback import flash as _flash
from ui.i18n import N_, _
from ui.problems import error_text
from ui.problems import problem_text as model_problem_text
from ui.problems import problem_text as render_problem
from ui.state import CATALOG_KEY, apply_scenario, assumptions_edited, current_catalog, default_catalog

T = TypeVar("T")
log = logging.getLogger("saved")
FLASH_SPOT = "compare"  # where the Compare page shows what the callbacks here report
SELECTION_KEYS = ("cmp_selected", "cmp_pick", "cmp_baseline", "cmp_export_pick", "pv_screen",
                  "cmp_undo")  # forgotten with the workspace
WORKSPACE_KEY = "workspace_key"  # session state: the key of the workspace in use (None: the default)
WORKSPACE_PARAM = "workspace"  # the link's query parameter


def secret_database_url() -> str | None:
    """The Streamlit secret `database_url`, or None (no secrets file, no key, unreadable file)."""
    try:
        if not st.secrets.load_if_toml_exists():
            return None
        value = st.secrets.get("database_url")
    except Exception:  # noqa: BLE001 - a broken secrets file must not break the page
        log.warning("secrets could not be read; using the default database")
        return None
    return value if isinstance(value, str) and value.strip() else None


def database_url() -> str:
    return resolve_database_url(secret=secret_database_url())


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ScenarioStore:
    return ScenarioStore(url)


def get_store() -> tuple[ScenarioStore | None, str | None]:
    """(the store, None) or (None, a plain message why there is none)."""
    try:
        return _store(database_url()), None
    except StorageError as error:
        return None, str(error)


def adopt_workspace_link() -> None:
    """Take `?workspace=<key>` out of the address bar into the session (the last one wins)."""
    try:
        keys = st.query_params.get_all(WORKSPACE_PARAM)
    except Exception:  # noqa: BLE001 - no query parameters (bare script run)
        return
    if not keys:
        return
    del st.query_params[WORKSPACE_PARAM]
    key = keys[-1].strip()
    st.session_state[WORKSPACE_KEY] = key or None


def current_user() -> str | None:
    """The logged-in user's email (else OIDC `sub`), or None when nobody is logged in."""
    try:
        if not st.user.get("is_logged_in"):
            return None
        for field in ("email", "sub"):
            value = st.user.get(field)
            if isinstance(value, str) and value.strip():
                return value.strip()
    except Exception:  # noqa: BLE001 - a misconfigured login must not break the page
        log.warning("the logged-in user could not be read")
    return None


def workspace_key() -> str | None:
    return st.session_state.get(WORKSPACE_KEY)


def get_workspace() -> tuple[Workspace | None, str | None]:
    """(the workspace in use, as the current user; None) or (None, a plain message why there is none).

    A workspace key that opens nothing is dropped (with a message on the page) and the default
    workspace is used."""
    store, problem = get_store()
    if store is None:
        return None, problem
    user = current_user()
    try:
        return store.workspace(workspace_key(), user=user), None
    except WorkspaceNotFoundError:
        st.session_state.pop(WORKSPACE_KEY, None)
        st.session_state["workspace_link_refused"] = True
    except StorageError as error:
        return None, str(error)
    try:
        return store.workspace(None, user=user), None
    except StorageError as error:
        return None, str(error)


def new_workspace(lang: str) -> None:
    """Callback: make a private workspace and switch to it."""
    def make() -> str:
        store, problem = get_store()
        if store is None:
            raise StorageError(problem or "no database")
        return store.new_workspace()

    key = attempt(lang, N_("No workspace was made"), make)
    if key is None:
        return
    st.session_state[WORKSPACE_KEY] = key
    for key in SELECTION_KEYS:
        st.session_state.pop(key, None)
    flash("success", _(lang, "You are in a new private workspace. Copy its link to come back to it or to "
                             "share it: without the link nobody can open it."))


def leave_workspace(lang: str) -> None:
    """Callback: back to the default workspace (the private one stays, reachable by its link)."""
    st.session_state.pop(WORKSPACE_KEY, None)
    for key in SELECTION_KEYS:
        st.session_state.pop(key, None)
    flash("success", _(lang, "Back in the shared workspace. The private one is kept: its link opens it."))


@st.cache_resource(max_entries=32, show_spinner=False)
def _catalog_from_text(text: str) -> Catalog:
    return load_catalog_text(text, origin="saved assumptions")


def catalog_of(saved: SavedScenario) -> tuple[Catalog, CatalogError | None]:
    """The catalog a saved scenario was made with, and the error if its assumptions cannot be
    read (the defaults are used then; ui.problems.error_text words it)."""
    if saved.assumptions_yaml is None:
        return default_catalog(), None
    try:
        return _catalog_from_text(saved.assumptions_yaml), None
    except CatalogError as error:
        return default_catalog(), error


@st.cache_resource(max_entries=8, show_spinner=False)
def _catalog_yaml(fingerprint: str, _catalog: Catalog) -> str:
    return _catalog.to_yaml()


def assumptions_to_save() -> str | None:
    """The edited assumptions as YAML when the Assumptions page changed them, else None."""
    if not assumptions_edited():
        return None
    catalog = current_catalog()
    return _catalog_yaml(catalog.fingerprint, catalog)


def flash(kind: str, text: str) -> None:
    """A message for the Compare page's next run (see ui.feedback)."""
    _flash(FLASH_SPOT, kind, text)


# ---- storage errors, in the user's language (converted here only) -------------------------------
def problem_text(error: Exception, lang: str) -> str:
    """What a StorageError (or a saved scenario that cannot be read) means, in the user's language:
    a clause without a full stop; database errors keep their own (technical) words."""
    if isinstance(error, NameTakenError):
        return _(lang, "a saved scenario is already called “{name}”", name=error.name)
    if isinstance(error, NotAllowedError):
        return _(lang, "only its owner ({owner}) may change or delete “{name}”; you can duplicate it and "
                       "change the copy", owner=error.owner, name=error.name)
    if isinstance(error, NotFoundError):
        return _(lang, "it does not exist any more (it may have been deleted)")
    if isinstance(error, WorkspaceNotFoundError):
        return _(lang, "no workspace has this link (check that it was copied whole)")
    if isinstance(error, ScenarioError):
        return error_text(error, lang)
    if isinstance(error, InvalidInputError):
        return render_problem(error.problem, lang)
    return str(error).rstrip(".")  # a database error keeps its own (technical) words


def attempt(lang: str, failed: str, action: Callable[[], T], *,
            if_taken: str = N_("Choose another name.")) -> T | None:
    """Run a storage action. On a StorageError (name taken, not found, not allowed, invalid input,
    the database) or an unreadable saved scenario, flash one message in the user's language —
    `failed` (a msgid) says what did not happen — and return None."""
    try:
        return action()
    except (StorageError, ScenarioError) as error:
        text = f"{_(lang, failed)}: {problem_text(error, lang)}."
        if isinstance(error, NameTakenError):
            text += " " + _(lang, if_taken)
        flash("error", text)
        return None


def fetch(lang: str, read: Callable[[], T]) -> tuple[T | None, str | None]:
    """Run a storage read: (its result, None), or (None, what went wrong in the user's language)."""
    try:
        return read(), None
    except StorageError as error:
        return None, problem_text(error, lang)


def load_into_sidebar(store: ScenarioStore | Workspace, scenario_id: int, lang: str) -> None:
    """Callback: put a saved scenario (and its assumptions) into the sidebar and so the URL."""
    def read() -> tuple[SavedScenario, Scenario]:
        row = store.get(scenario_id)
        return row, row.scenario

    found = attempt(lang, N_("Could not load it"), read)
    if found is None:
        return
    saved, scenario = found
    notes = []
    if saved.assumptions_yaml is not None:
        try:
            # a catalog of its own (not the cached, shared one): the Assumptions page may edit it
            st.session_state[CATALOG_KEY] = load_catalog_text(saved.assumptions_yaml,
                                                              origin="saved assumptions")
            notes.append(_(lang, "its edited assumptions are in force"))
        except CatalogError as error:
            notes.append(_(lang, "its assumptions could not be read ({error}); the current ones are kept",
                           error=error_text(error, lang)))
    elif assumptions_edited():
        st.session_state.pop(CATALOG_KEY, None)
        notes.append(_(lang, "it was saved with the default assumptions, which are back in force"))
    apply_scenario(scenario)
    text = _(lang, "Loaded “{name}” into the sidebar", name=saved.name)
    if notes:
        text += "; " + "; ".join(notes)
    if scenario.notes:
        text += _(lang, ". Some stored values were replaced by defaults: ") + "; ".join(
            model_problem_text(problem, lang) for problem in scenario.notes)
    flash("success", text + ".")


def load_scenario_into_sidebar(scenario: Scenario, label: str, lang: str) -> None:
    """Callback: put an uploaded scenario into the sidebar."""
    apply_scenario(scenario)
    flash("success", _(lang, "Loaded “{label}” into the sidebar.", label=label))
