"""The Compare page's workspace pieces: which workspace you are in (with its link), login and
ownership notes, the trash with Restore, and the history of a saved scenario. Storage is reached
through `ui.saved` and the Workspace it hands out."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ui import saved
from ui.feedback import md_escape
from ui.i18n import tr
from ui.saved import TRASH_DAYS, HistoryEntry, SavedScenario, Workspace

ACTIONS = {
    "save": ("Saved", "Sparat"),
    "rename": ("Renamed", "Bytte namn"),
    "note": ("Note changed", "Ändrade anteckningen"),
    "overwrite": ("Updated from the sidebar", "Uppdaterat från sidopanelen"),
    "duplicate": ("Duplicated", "Kopierat"),
    "delete": ("Moved to the trash", "Flyttat till papperskorgen"),
    "restore": ("Restored from the trash", "Återställt från papperskorgen"),
}
DETAILS = (  # the stored detail (English) in Swedish
    (re.compile(r"^copy of (.*)$", re.S), "kopia av \\1"),
    (re.compile(r"^copied as (.*)$", re.S), "kopierat som \\1"),
    (re.compile(r"^as (.*) \((.*) was taken\)$", re.S), "som \\1 (\\2 var upptaget)"),
    (re.compile(r"^scenario and assumptions$"), "scenario och antaganden"),
    (re.compile(r"^scenario$"), "scenario"),
    (re.compile(r"^assumptions$"), "antaganden"),
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
        st.error(tr(lang, "That workspace link opens nothing (was it copied whole?). You are in the shared "
                          "workspace.",
                    "Länken till arbetsytan öppnar ingenting (kopierades hela länken?). Du är i den "
                    "delade arbetsytan."))
    with st.container(border=True):
        key = saved.workspace_key()
        if key is None:
            st.markdown(tr(lang, "**Workspace:** shared", "**Arbetsyta:** delad"))
            st.caption(tr(lang, "Everyone who opens this app without a workspace link sees and can change "
                                "the scenarios saved here. For scenarios only the people you choose can see, "
                                "make a private workspace.",
                          "Alla som öppnar appen utan en länk till en arbetsyta ser och kan ändra "
                          "scenarierna som sparas här. Skapa en privat arbetsyta för scenarier som bara de "
                          "du väljer kan se."))
        else:
            st.markdown(tr(lang, "**Workspace:** private", "**Arbetsyta:** privat"))
            st.code(workspace_link(key), language=None, wrap_lines=True)
            st.caption(tr(lang, "Anyone with this link can see and change the scenarios saved here. Copy it "
                                "to come back later; share it only with the people who should. Scenario "
                                "links (the address bar, the Simulator's link box) never carry it.",
                          "Alla som har den här länken kan se och ändra scenarierna som sparas här. "
                          "Kopiera den för att komma tillbaka senare; dela den bara med dem som ska ha "
                          "tillgång. Scenariolänkar (adressfältet, Simulatorns länkruta) innehåller den "
                          "aldrig."))
        left, right = st.columns(2)
        left.button(tr(lang, "New private workspace", "Ny privat arbetsyta"), key="cmp_new_workspace",
                    icon=":material/add_box:", on_click=saved.new_workspace, args=(lang,), width="stretch")
        if key is not None:
            right.button(tr(lang, "Back to the shared workspace", "Tillbaka till den delade arbetsytan"),
                         key="cmp_leave_workspace", icon=":material/logout:", on_click=saved.leave_workspace,
                         args=(lang,), width="stretch")
        login_note(space, lang)


def login_note(space: Workspace, lang: str) -> None:
    if space.user is not None:
        st.caption(md_escape(tr(lang, f"Logged in as {space.user}: what you save is yours, and only you can "
                                      "rename, update or delete it.",
                                f"Inloggad som {space.user}: det du sparar är ditt, och bara du kan byta "
                                "namn på, uppdatera eller ta bort det.")))
        if _auth_configured() and st.button(tr(lang, "Log out", "Logga ut"), key="cmp_logout"):
            st.logout()
    elif _auth_configured():
        st.caption(tr(lang, "Log in to own what you save: only you can then change or delete it.",
                      "Logga in för att äga det du sparar: då kan bara du ändra eller ta bort det."))
        if st.button(tr(lang, "Log in", "Logga in"), key="cmp_login", icon=":material/login:"):
            st.login()


def owner_note(space: Workspace, row: SavedScenario, lang: str) -> None:
    """Who owns the selected scenario, and why its buttons are off when it is not yours."""
    if row.owner is None:
        return
    if space.can_change(row):
        st.caption(md_escape(tr(lang, f"Saved by you ({row.owner}).", f"Sparat av dig ({row.owner}).")))
    else:
        st.info(md_escape(tr(lang, f"Saved by {row.owner}: only they can rename, update or delete it. "
                                   "Duplicate makes a copy you can change.",
                             f"Sparat av {row.owner}: bara de kan byta namn på, uppdatera eller ta bort "
                             "det. Kopiera ger en kopia som du kan ändra.")))


def _restore(space: Workspace, scenario_id: int, lang: str) -> None:
    back = saved.attempt(lang, ("Not restored", "Inte återställt"), lambda: space.restore(scenario_id))
    if back is None:
        return
    st.session_state["cmp_selected"] = back.id
    saved.flash("success", tr(lang, f"Restored “{back.name}”.", f"Återställde “{back.name}”."))


def trash_panel(space: Workspace | None, lang: str) -> None:
    """The deleted scenarios of the workspace, each with Restore (anyone in the workspace may)."""
    if space is None:
        return
    rows, problem = saved.fetch(lang, space.trash)
    if rows is None:
        st.warning(md_escape(tr(lang, f"The trash could not be read: {problem}",
                                f"Papperskorgen kunde inte läsas: {problem}")))
        return
    with st.expander(tr(lang, f"Trash ({len(rows)})", f"Papperskorgen ({len(rows)})"),
                     icon=":material/delete:"):
        st.caption(tr(lang, f"Deleted scenarios stay here for {TRASH_DAYS} days; anyone in this workspace "
                            "can restore them.",
                      f"Borttagna scenarier ligger kvar här i {TRASH_DAYS} dagar; alla i arbetsytan kan "
                      "återställa dem."))
        if not rows:
            st.caption(tr(lang, "The trash is empty.", "Papperskorgen är tom."))
        for row in rows:
            text, button = st.columns([4, 1], vertical_alignment="center")
            deleted = row.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            until = row.purge_at.astimezone().strftime("%Y-%m-%d")
            text.markdown(f"**{md_escape(row.name)}**  \n" + md_escape(tr(
                lang, f"deleted {deleted}; removed for good after {until}",
                f"borttaget {deleted}; försvinner för gott efter {until}")))
            button.button(tr(lang, "Restore", "Återställ"), key=f"cmp_restore_{row.id}",
                          icon=":material/restore_from_trash:", on_click=_restore, args=(space, row.id, lang))


def _detail(entry: HistoryEntry, lang: str) -> str:
    if lang != "sv":
        return entry.detail
    for pattern, swedish in DETAILS:
        if pattern.match(entry.detail):
            return pattern.sub(swedish, entry.detail)
    return entry.detail


def history_panel(space: Workspace, row: SavedScenario, lang: str) -> None:
    """Every recorded change of the selected scenario: when, who, what."""
    with st.expander(tr(lang, "History", "Historik"), icon=":material/history:"):
        entries, problem = saved.fetch(lang, lambda: space.history(row.id))
        if entries is None:
            st.warning(md_escape(tr(lang, f"The history could not be read: {problem}",
                                    f"Historiken kunde inte läsas: {problem}")))
            return
        if not entries:
            st.caption(tr(lang, "Nothing recorded yet (it was saved before history was kept).",
                          "Inget registrerat än (det sparades innan historik fördes)."))
            return
        when, who, what, detail = (tr(lang, "When", "När"), tr(lang, "Who", "Vem"), tr(lang, "What", "Vad"),
                                   tr(lang, "Detail", "Detalj"))
        table = pd.DataFrame([{
            when: entry.at.astimezone().replace(tzinfo=None),
            who: entry.actor if entry.actor != "anonymous" else tr(lang, "anonymous", "anonym"),
            what: tr(lang, *ACTIONS.get(entry.action, (entry.action, entry.action))),
            detail: " ".join(_detail(entry, lang).split()),
        } for entry in entries])
        st.dataframe(table, hide_index=True, width="stretch", key=f"cmp_history_{row.id}",
                     column_config={when: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
