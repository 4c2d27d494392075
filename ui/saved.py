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
"""

from __future__ import annotations

import logging

import streamlit as st

from model import Catalog, CatalogError, Scenario, ScenarioError, load_catalog_text
from storage import (
    SavedScenario,
    ScenarioStore,
    StorageError,
    Workspace,
    WorkspaceNotFoundError,
    resolve_database_url,
)
from ui.state import CATALOG_KEY, apply_scenario, assumptions_edited, current_catalog, default_catalog

log = logging.getLogger("saved")
FLASH_KEY = "cmp_flash"
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
    from ui.i18n import tr

    store, problem = get_store()
    try:
        if store is None:
            raise StorageError(problem or "no database")
        st.session_state[WORKSPACE_KEY] = store.new_workspace()
    except StorageError as error:
        flash("error", tr(lang, f"No workspace was made: {error}", f"Ingen arbetsyta skapades: {error}"))
        return
    for key in ("cmp_selected", "cmp_pick", "cmp_export_pick", "cmp_undo"):
        st.session_state.pop(key, None)
    flash("success", tr(lang, "You are in a new private workspace. Copy its link to come back to it or "
                              "to share it: without the link nobody can open it.",
                        "Du är i en ny privat arbetsyta. Kopiera länken för att komma tillbaka till den "
                        "eller dela den: utan länken kan ingen öppna den."))


def leave_workspace(lang: str) -> None:
    """Callback: back to the default workspace (the private one stays, reachable by its link)."""
    from ui.i18n import tr

    st.session_state.pop(WORKSPACE_KEY, None)
    for key in ("cmp_selected", "cmp_pick", "cmp_export_pick", "cmp_undo"):
        st.session_state.pop(key, None)
    flash("success", tr(lang, "Back in the shared workspace. The private one is kept: its link opens it.",
                        "Tillbaka i den delade arbetsytan. Den privata finns kvar: länken öppnar den."))


@st.cache_resource(max_entries=32, show_spinner=False)
def _catalog_from_text(text: str) -> Catalog:
    return load_catalog_text(text, origin="saved assumptions")


def catalog_of(saved: SavedScenario) -> tuple[Catalog, str | None]:
    """The catalog a saved scenario was made with, and a problem if its assumptions cannot be
    read (the defaults are used then)."""
    if saved.assumptions_yaml is None:
        return default_catalog(), None
    try:
        return _catalog_from_text(saved.assumptions_yaml), None
    except CatalogError as error:
        return default_catalog(), str(error)


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
    """A message to show on the next run (callbacks cannot draw where the page wants it)."""
    st.session_state[FLASH_KEY] = (kind, text)


def take_flash() -> tuple[str, str] | None:
    return st.session_state.pop(FLASH_KEY, None)


def load_into_sidebar(store: ScenarioStore | Workspace, scenario_id: int, lang: str) -> None:
    """Callback: put a saved scenario (and its assumptions) into the sidebar and so the URL."""
    from ui.i18n import tr

    try:
        saved = store.get(scenario_id)
        scenario = saved.scenario
    except (StorageError, ScenarioError) as error:
        flash("error", tr(lang, f"Could not load it: {error}", f"Kunde inte läsa in det: {error}"))
        return
    notes = []
    if saved.assumptions_yaml is not None:
        try:
            # a catalog of its own (not the cached, shared one): the Assumptions page may edit it
            st.session_state[CATALOG_KEY] = load_catalog_text(saved.assumptions_yaml,
                                                              origin="saved assumptions")
            notes.append(tr(lang, "its edited assumptions are in force",
                            "dess ändrade antaganden gäller"))
        except CatalogError as error:
            notes.append(tr(lang, f"its assumptions could not be read ({error}); the current ones are kept",
                            f"dess antaganden kunde inte läsas ({error}); de nuvarande behålls"))
    elif assumptions_edited():
        st.session_state.pop(CATALOG_KEY, None)
        notes.append(tr(lang, "it was saved with the default assumptions, which are back in force",
                        "det sparades med standardantagandena, som gäller igen"))
    apply_scenario(scenario)
    text = tr(lang, f"Loaded “{saved.name}” into the sidebar", f"“{saved.name}” är inläst i sidopanelen")
    if notes:
        text += "; " + "; ".join(notes)
    if scenario.notes:
        text += tr(lang, ". Some stored values were replaced by defaults: ",
                   ". Några sparade värden ersattes med standardvärden: ") + "; ".join(scenario.notes)
    flash("success", text + ".")


def load_scenario_into_sidebar(scenario: Scenario, label: str, lang: str) -> None:
    """Callback: put an uploaded scenario into the sidebar."""
    from ui.i18n import tr

    apply_scenario(scenario)
    flash("success", tr(lang, f"Loaded “{label}” into the sidebar.", f"“{label}” är inläst i sidopanelen."))
