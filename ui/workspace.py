"""The Compare page's workspace pieces: which workspace you are in (with its link), login and
ownership notes, the trash with Restore, and the history of a saved scenario. Storage is reached
through `ui.saved` and the Workspace it hands out."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ui import saved
from ui.feedback import md_escape
from ui.i18n import N_, _
from ui.saved import TRASH_DAYS, HistoryEntry, SavedScenario, Workspace

ACTIONS = {
    "save": N_("Saved"),
    "rename": N_("Renamed"),
    "note": N_("Note changed"),
    "overwrite": N_("Updated from the sidebar"),
    "duplicate": N_("Duplicated"),
    "delete": N_("Moved to the trash"),
    "restore": N_("Restored from the trash"),
}
# The details storage records in English (storage/scenarios.py), read back into their parts and
# shown through the catalog; a detail that matches none (a note, "old → new" names) is shown as it is.
DETAILS = (
    (re.compile(r"^copy of (?P<name>.*)$", re.S), N_("copy of {name}")),
    (re.compile(r"^copied as (?P<name>.*)$", re.S), N_("copied as {name}")),
    (re.compile(r"^as (?P<name>.*) \((?P<taken>.*) was taken\)$", re.S), N_("as {name} ({taken} was taken)")),
    (re.compile(r"^scenario and assumptions$"), N_("scenario and assumptions")),
    (re.compile(r"^scenario$"), N_("scenario")),
    (re.compile(r"^assumptions$"), N_("assumptions")),
)


def workspace_link(key: str) -> str:
    """The Compare page's address with the workspace key (relative when the address is unknown)."""
    try:
        base = st.context.url or ""
    except Exception:  # noqa: BLE001 - no browser context (bare script run)
        base = ""
    base = base.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    if not base:
        return f"compare?{saved.WORKSPACE_PARAM}={key}"
    if not base.endswith("/compare"):
        base += "/compare"
    return f"{base}?{saved.WORKSPACE_PARAM}={key}"


def _auth_configured() -> bool:
    try:
        return bool(st.secrets.load_if_toml_exists()) and "auth" in st.secrets
    except Exception:  # noqa: BLE001 - a broken secrets file means no login
        return False


def workspace_panel(space: Workspace | None, lang: str) -> None:
    """Which workspace this is, its link and what sharing it means, and a new private one."""
    if space is None:
        return
    if st.session_state.pop("workspace_link_refused", False):
        st.error(_(lang, "That workspace link opens nothing (was it copied whole?). You are in the shared "
                         "workspace."))
    with st.container(border=True):
        key = saved.workspace_key()
        if key is None:
            st.markdown(_(lang, "**Workspace:** shared"))
            st.caption(_(lang, "Everyone who opens this app without a workspace link sees and can change "
                               "the scenarios saved here. For scenarios only the people you choose can see, "
                               "make a private workspace."))
        else:
            st.markdown(_(lang, "**Workspace:** private"))
            st.code(workspace_link(key), language=None, wrap_lines=True)
            st.caption(_(lang, "Anyone with this link can see and change the scenarios saved here. Copy it "
                               "to come back later; share it only with the people who should. Scenario "
                               "links (the address bar, the Simulator's link box) never carry it."))
        left, right = st.columns(2)
        left.button(_(lang, "New private workspace"), key="cmp_new_workspace",
                    icon=":material/add_box:", on_click=saved.new_workspace, args=(lang,), width="stretch")
        if key is not None:
            right.button(_(lang, "Back to the shared workspace"),
                         key="cmp_leave_workspace", icon=":material/logout:", on_click=saved.leave_workspace,
                         args=(lang,), width="stretch")
        login_note(space, lang)


def login_note(space: Workspace, lang: str) -> None:
    if space.user is not None:
        st.caption(md_escape(_(lang, "Logged in as {user}: what you save is yours, and only you can rename, "
                                     "update or delete it.", user=space.user)))
        if _auth_configured() and st.button(_(lang, "Log out"), key="cmp_logout"):
            st.logout()
    elif _auth_configured():
        st.caption(_(lang, "Log in to own what you save: only you can then change or delete it."))
        if st.button(_(lang, "Log in"), key="cmp_login", icon=":material/login:"):
            st.login()


def owner_note(space: Workspace, row: SavedScenario, lang: str) -> None:
    """Who owns the selected scenario, and why its buttons are off when it is not yours."""
    if row.owner is None:
        return
    if space.can_change(row):
        st.caption(md_escape(_(lang, "Saved by you ({owner}).", owner=row.owner)))
    else:
        st.info(md_escape(_(lang, "Saved by {owner}: only they can rename, update or delete it. Duplicate "
                                  "makes a copy you can change.", owner=row.owner)))


def _restore(space: Workspace, scenario_id: int, lang: str) -> None:
    back = saved.attempt(lang, N_("Not restored"), lambda: space.restore(scenario_id))
    if back is None:
        return
    st.session_state["cmp_selected"] = back.id
    saved.flash("success", _(lang, "Restored “{name}”.", name=back.name))


def trash_panel(space: Workspace | None, lang: str) -> None:
    """The deleted scenarios of the workspace, each with Restore (anyone in the workspace may)."""
    if space is None:
        return
    rows, problem = saved.fetch(lang, space.trash)
    if rows is None:
        st.warning(md_escape(_(lang, "The trash could not be read: {problem}", problem=problem)))
        return
    with st.expander(_(lang, "Trash ({len})", len=len(rows)),
                     icon=":material/delete:"):
        st.caption(_(lang, "Deleted scenarios stay here for {TRASH_DAYS} days; anyone in this workspace can "
                           "restore them.", TRASH_DAYS=TRASH_DAYS))
        if not rows:
            st.caption(_(lang, "The trash is empty."))
        for row in rows:
            text, button = st.columns([4, 1], vertical_alignment="center")
            deleted = row.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            until = row.purge_at.astimezone().strftime("%Y-%m-%d")
            when = _(lang, "deleted {deleted}; removed for good after {until}", deleted=deleted, until=until)
            text.markdown(f"**{md_escape(row.name)}**  \n" + md_escape(when))
            button.button(_(lang, "Restore"), key=f"cmp_restore_{row.id}",
                          icon=":material/restore_from_trash:", on_click=_restore, args=(space, row.id, lang))


def _detail(entry: HistoryEntry, lang: str) -> str:
    for pattern, msgid in DETAILS:
        match = pattern.match(entry.detail)
        if match:
            return _(lang, msgid, **match.groupdict())
    return entry.detail


def history_panel(space: Workspace, row: SavedScenario, lang: str) -> None:
    """Every recorded change of the selected scenario: when, who, what."""
    with st.expander(_(lang, "History"), icon=":material/history:"):
        entries, problem = saved.fetch(lang, lambda: space.history(row.id))
        if entries is None:
            st.warning(md_escape(_(lang, "The history could not be read: {problem}", problem=problem)))
            return
        if not entries:
            st.caption(_(lang, "Nothing recorded yet (it was saved before history was kept)."))
            return
        when, who, what, detail = (_(lang, "When"), _(lang, "Who"), _(lang, "What"),
                                   _(lang, "Detail"))
        table = pd.DataFrame([{
            when: entry.at.astimezone().replace(tzinfo=None),
            who: entry.actor if entry.actor != "anonymous" else _(lang, "anonymous"),
            what: _(lang, ACTIONS.get(entry.action, entry.action)),
            detail: " ".join(_detail(entry, lang).split()),
        } for entry in entries])
        st.dataframe(table, hide_index=True, width="stretch", key=f"cmp_history_{row.id}",
                     column_config={when: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
