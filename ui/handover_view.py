"""The Briefs and roles page's parts in Streamlit (pages/handover.py): the brief's four texts, the
briefs for agencies and freelancers with their readiness, and the role descriptions of the team.
The documents themselves are ui/handover_docs.py's.

The four texts are scenario fields (model/scenario.py BRIEF_FIELDS) kept in st.session_state under
their own names, which the sidebar reads on every run and writes into the share link. Each text
area has its own key ("brief_goal_input"), seeded from the field on every run (a link or a preset
may have changed it), and copies its value into the field when it changes.
"""

from __future__ import annotations

import streamlit as st

from model import SPECS, Catalog, Plan, briefs, role_descriptions
from ui.feedback import md_escape
from ui.findings import seat_label
from ui.fmt import hours
from ui.handover_docs import (
    brief_file,
    brief_html,
    brief_markdown,
    check_hint,
    nothing_to_brief,
    overall_items,
    readiness_items,
    readiness_label,
    role_file,
    role_html,
    role_markdown,
)
from ui.i18n import N_, _, n_, t
from ui.state import keep_widget

INPUT_SUFFIX = "_input"
EXAMPLES: dict[str, str] = {  # model/scenario.py BRIEF_FIELDS, in order
    "brief_goal": N_("For example: more young families in the region know us and book a visit; "
                     "500 visits a month to the booking page from social."),
    "brief_audience": N_("For example: parents aged 25–40 in the region who plan weekend outings, "
                         "mostly on Instagram and Facebook."),
    "brief_kpis": N_("For example: engagement rate above 3 %, answers within 4 hours, cost per "
                     "booking below SEK 150."),
    "brief_approvals": N_("For example: the head of marketing approves campaigns within 2 working "
                          "days; the community manager approves replies on the spot."),
}
TEXT_CHECKS = ("goal", "audience", "kpis", "approvals")  # model/briefs.py TEXT_CHECKS
MARKS = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]"}


def _copy(name: str) -> None:
    st.session_state[name] = st.session_state[name + INPUT_SUFFIX]


def brief_inputs(lang: str) -> None:
    """The four texts every brief shares: goal, target audience, KPI targets and approvals."""
    columns = st.columns(2)
    for index, name in enumerate(EXAMPLES):
        key = name + INPUT_SUFFIX
        value = st.session_state.get(name) or ""
        keep_widget(key, value, default="")  # on every run (ui.state.keep_widget says why)
        columns[index % 2].text_area(t(name, lang), key=key, max_chars=int(SPECS[name].high),
                                     placeholder=_(lang, EXAMPLES[name]), on_change=_copy, args=(name,))


def _downloads(stem_md: str, stem_html: str, markdown: str, page: str, key: str, lang: str) -> None:
    left, right = st.columns(2)
    left.download_button(_(lang, "Download as Markdown"), markdown.encode("utf-8"), file_name=stem_md,
                         mime="text/markdown", on_click="ignore", key=f"{key}_md",
                         icon=":material/download:", width="stretch")
    right.download_button(_(lang, "Download as HTML"), page.encode("utf-8"), file_name=stem_html,
                          mime="text/html", on_click="ignore", key=f"{key}_html",
                          icon=":material/download:", width="stretch")


def render_briefs(plan: Plan, catalog: Catalog, lang: str) -> None:
    """Readiness over all briefs, the checklist, then each brief with its preview and downloads."""
    items = briefs(plan, catalog)
    if not items:
        st.info(nothing_to_brief(lang), icon=":material/info:")
        return
    checks = overall_items(items, catalog, lang)
    done = sum(1 for item in checks if item[2])
    st.progress(done / len(checks) if checks else 1.0, text=readiness_label(checks, lang))
    for code, label, ok, short in checks:
        line = f"{MARKS[ok]} {md_escape(label)}"
        if not ok:
            hint = check_hint(code, lang)
            if code not in TEXT_CHECKS:  # the four texts are shared: every brief misses them alike
                hint += " " + _(lang, "Missing for: {capabilities}.", capabilities=short)
            line += ": " + md_escape(hint)
        st.markdown(line)
    for brief in items:
        own = readiness_items(brief, lang)
        label = n_(lang, "{capability} · {providers} — {done} of {count} check",
                   "{capability} · {providers} — {done} of {count} checks", len(own),
                   capability=_(lang, catalog.name(brief.capability)),
                   providers=", ".join(_(lang, catalog.name(item.provider)) for item in brief.providers),
                   done=sum(1 for item in own if item[2]))
        with st.expander(md_escape(label), icon=":material/description:"):
            markdown = brief_markdown(brief, plan, catalog, lang)
            st.markdown(markdown)
            _downloads(brief_file(brief, "md"), brief_file(brief, "html"), markdown,
                       brief_html(brief, plan, catalog, lang), f"handover_brief_{brief.capability}", lang)


def render_roles(plan: Plan, catalog: Catalog, lang: str) -> None:
    """One description per seat of the in-house team, with its preview and downloads."""
    items = role_descriptions(plan, catalog)
    if not items:
        st.info(_(lang, "The plan has no in-house team, so there is no role to describe: everything is "
                        "bought or left undone."), icon=":material/info:")
        return
    for desc in items:
        label = _(lang, "{seat} · {role} — {hours} h/week", seat=seat_label(desc.seat, lang),
                  role=_(lang, catalog.name(desc.role)), hours=hours(desc.hours, lang))
        with st.expander(md_escape(label), icon=":material/badge:"):
            markdown = role_markdown(desc, plan, catalog, lang)
            st.markdown(markdown)
            _downloads(role_file(desc, "md"), role_file(desc, "html"), markdown,
                       role_html(desc, plan, catalog, lang), f"handover_role_{desc.seat}", lang)


__all__ = ["brief_inputs", "render_briefs", "render_roles"]
