"""Briefs for the agencies and freelancers a plan buys (model.briefs) as Markdown and HTML documents,
and the Briefs and roles sections of the scenario report (issue 13). Pure: no Streamlit calls; the
page is ui/handover_view.py. The role descriptions are in ui/role_docs.py (re-exported here).

    text = brief_markdown(brief, plan, catalog, "en")      # one brief of model.briefs(plan, catalog)
    page = role_html(desc, plan, catalog, "sv")            # one of model.role_descriptions(...)
    part = briefs_report_html(plan, catalog, "en")         # a <section> for the scenario report

Everything the user typed (the brief's texts) and every data text (names, goals, KPIs) is escaped:
in Markdown with md_escape, in HTML with html.escape (ui/docblocks.py).
"""

from __future__ import annotations

from model import Brief, Catalog, Plan, briefs
from model import role_descriptions as descriptions
from ui.changes import value_text
from ui.docblocks import Doc, Escape, page, party_name
from ui.feedback import html_escape, md_escape
from ui.fmt import hours, names_list, sek
from ui.i18n import N_, _, n_, t
from ui.role_docs import role_doc, role_file, role_html, role_markdown, role_title

# Each readiness check of model/briefs.py CHECKS: (what is checked, what to do when it is missing).
CHECK_TEXTS: dict[str, tuple[str, str]] = {
    "goal": (N_("Goal of the social media work"),
             N_("Fill in the goal: what the social media work should achieve.")),
    "audience": (N_("Target audience"), N_("Fill in the target audience: who the work should reach.")),
    "kpis": (N_("KPI targets"), N_("Fill in the KPI targets: the numbers the supplier is followed up on.")),
    "approvals": (N_("Approvals"), N_("Fill in the approvals: who approves the work, and how fast.")),
    "orderer": (N_("An orderer in-house with time for it"),
                N_("Give someone in the team time to order and follow up the work: free up hours or "
                   "add a seat.")),
    "fee": (N_("A fee for the bought hours"),
            N_("Nothing is paid for these hours: check the provider's rate or the retainer.")),
    "briefer": (N_("Someone in-house who can brief it"),
                N_("Nobody in the team knows this work well enough to brief it: add a seat that fits "
                   "it before buying it.")),
}
PLACEHOLDERS: dict[str, str] = {
    "goal": N_("[to fill in: goal]"), "audience": N_("[to fill in: target audience]"),
    "kpis": N_("[to fill in: KPI targets]"), "approvals": N_("[to fill in: approvals]"),
}
CHECK_MARK = {True: "✓", False: "✗"}
AD_SPEND = "ad_spend_sek_month"  # the advertising brief's media spend: shown apart from the fee


# ---- briefs -------------------------------------------------------------------------------------
def readiness_items(brief: Brief, lang: str) -> list[tuple[str, str, bool]]:
    """(code, what is checked, done) for each readiness check of the brief, in the model's order."""
    return [(code, _(lang, CHECK_TEXTS[code][0]) if code in CHECK_TEXTS else code, code not in brief.missing)
            for code in brief.checks]


def check_hint(code: str, lang: str) -> str:
    """What to do about a check that is not met."""
    return _(lang, CHECK_TEXTS[code][1]) if code in CHECK_TEXTS else code


def overall_items(items: tuple[Brief, ...], catalog: Catalog, lang: str) -> list[tuple[str, str, bool, str]]:
    """The checks of all the briefs at once: (code, what, done in every brief, the capabilities
    whose brief misses it, named)."""
    out = []
    for code in [*CHECK_TEXTS, *sorted({c for brief in items for c in brief.checks} - set(CHECK_TEXTS))]:
        if not any(code in brief.checks for brief in items):
            continue
        short = [_(lang, catalog.name(brief.capability)) for brief in items if code in brief.missing]
        label = _(lang, CHECK_TEXTS[code][0]) if code in CHECK_TEXTS else code
        out.append((code, label, not short, names_list(short, lang)))
    return out


def _providers(brief: Brief, catalog: Catalog, lang: str) -> str:
    return names_list([_(lang, catalog.name(item.provider)) for item in brief.providers], lang)


def _supplier(item, catalog: Catalog, lang: str, v: Escape) -> str:
    values = {"provider": v(_(lang, catalog.name(item.provider))), "kind": t(item.provider_type, lang),
              "hours": hours(item.hours, lang), "fee": sek(item.fee_sek_year, lang)}
    if item.retainer:
        return _(lang, "{provider} ({kind}, retainer): {hours} h/week, {fee} a year", **values)
    return _(lang, "{provider} ({kind}): {hours} h/week, {fee} a year", **values)


def brief_title(brief: Brief, catalog: Catalog, lang: str) -> str:
    return _(lang, "Brief: {capability} for {providers}", capability=_(lang, catalog.name(brief.capability)),
             providers=_providers(brief, catalog, lang))


def _brief_doc(brief: Brief, plan: Plan, catalog: Catalog, lang: str, v: Escape, top: int) -> Doc:
    doc, cap = Doc(v), catalog.capability(brief.capability)
    doc.h(top, _(lang, "Brief: {capability} for {providers}", capability=v(_(lang, cap.name)),
                 providers=v(_providers(brief, catalog, lang))))
    checks = readiness_items(brief, lang)
    doc.p(n_(lang, "Readiness: {done} of {count} check met", "Readiness: {done} of {count} checks met",
             len(checks), done=sum(1 for item in checks if item[2])), "meta")
    doc.h(top + 1, _(lang, "Goal"))
    if cap.goal:
        doc.p(_(lang, "What the work is for: {goal}", goal=v(_(lang, cap.goal))))
    doc.p(_(lang, "Our goal for the social media work:"))
    doc.typed(brief.goal, _(lang, PLACEHOLDERS["goal"]))
    doc.h(top + 1, _(lang, "KPIs"))
    doc.p(_(lang, "The work is followed up on:"))
    doc.ul([v(_(lang, catalog.kpi_name(cap.id, kpi))) for kpi in brief.kpis])
    doc.p(_(lang, "Our targets:"))
    doc.typed(brief.kpi_targets, _(lang, PLACEHOLDERS["kpis"]))
    doc.h(top + 1, _(lang, "Target audience"))
    doc.typed(brief.audience, _(lang, PLACEHOLDERS["audience"]))
    volumes = {field: value for field, value in brief.volumes.items() if field != AD_SPEND}  # see Budget
    if volumes:
        doc.h(top + 1, _(lang, "Channels and volumes"))
        doc.ul([_(lang, "{label}: {value}", label=v(t(field, lang)),
                  value=v(value_text(field, value, catalog, lang))) for field, value in volumes.items()])
    doc.h(top + 1, _(lang, "Budget"))
    doc.p(_(lang, "Fee budget: {year} a year ({month} a month) for {hours} h/week.",
            year=sek(brief.fee_sek_year, lang), month=sek(brief.fee_sek_year / 12, lang),
            hours=hours(brief.hours, lang)))
    doc.ul([_supplier(item, catalog, lang, v) for item in brief.providers])
    if brief.capability == "advertise":
        doc.p(_(lang, "Ad media spend: {month} a month, paid to the platforms, not part of the fee.",
                month=sek(brief.ad_spend_sek_month, lang)))
    doc.h(top + 1, _(lang, "Approvals"))
    doc.typed(brief.approvals, _(lang, PLACEHOLDERS["approvals"]))
    doc.h(top + 1, _(lang, "Who orders it in-house"))
    doc.p(_(lang, "{orderer} orders the work, briefs the supplier and follows it up: about {hours} h/week.",
            orderer=v(party_name(brief.orderer, catalog, lang)), hours=hours(brief.orderer_hours, lang)))
    doc.h(top + 1, _(lang, "What the supplier delivers back"))
    doc.ul([v(_(lang, catalog.deliverable_name(cap.id, item))) for item in brief.deliverables])
    doc.h(top + 1, _(lang, "Readiness checklist"))
    doc.ul([f"{CHECK_MARK[done]} {v(label)}" + ("" if done else ": " + v(check_hint(code, lang)))
            for code, label, done in checks])
    return doc


def brief_markdown(brief: Brief, plan: Plan, catalog: Catalog, lang: str) -> str:
    return _brief_doc(brief, plan, catalog, lang, md_escape, 1).markdown()


def brief_html(brief: Brief, plan: Plan, catalog: Catalog, lang: str) -> str:
    body = _brief_doc(brief, plan, catalog, lang, str, 1).html()
    return page(brief_title(brief, catalog, lang), body, lang)


def brief_file(brief: Brief, ext: str) -> str:
    return f"brief-{brief.capability}.{ext}"


# ---- the scenario report's sections -------------------------------------------------------------
def nothing_to_brief(lang: str) -> str:
    return _(lang, "This plan buys no work from agencies or freelancers: everything is done in-house or "
                   "left undone, so there is nothing to brief.")


def readiness_label(items: list[tuple[str, str, bool, str]], lang: str) -> str:
    return n_(lang, "Brief readiness: {done} of {count} check", "Brief readiness: {done} of {count} checks",
              len(items), done=sum(1 for item in items if item[2]))


def briefs_report_html(plan: Plan, catalog: Catalog, lang: str) -> str:
    """A <section> with one <article> per brief the plan needs, with their readiness."""
    items = briefs(plan, catalog)
    body = [f"<h2>{html_escape(_(lang, 'Agency and freelancer briefs'))}</h2>"]
    if not items:
        body.append(f"<p>{html_escape(nothing_to_brief(lang))}</p>")
    else:
        checks = overall_items(items, catalog, lang)
        body.append(f'<p class="meta">{html_escape(readiness_label(checks, lang))}</p>')
        body += [f'<article class="brief">{_brief_doc(brief, plan, catalog, lang, str, 3).html()}</article>'
                 for brief in items]
    return f'<section class="handover briefs">{"".join(body)}</section>'


def roles_report_html(plan: Plan, catalog: Catalog, lang: str) -> str:
    """A <section> with one <article> per seat of the in-house team."""
    body = [f"<h2>{html_escape(_(lang, 'Role descriptions'))}</h2>"]
    items = descriptions(plan, catalog)
    if not items:
        body.append(f"<p>{html_escape(t('no_team', lang))}</p>")
    body += [f'<article class="role">{role_doc(desc, plan, catalog, lang, str, 3).html()}</article>'
             for desc in items]
    return f'<section class="handover roles">{"".join(body)}</section>'


__all__ = ["brief_file", "brief_html", "brief_markdown", "brief_title", "briefs_report_html", "check_hint",
           "nothing_to_brief", "overall_items", "party_name", "readiness_items", "readiness_label",
           "role_file", "role_html", "role_markdown", "role_title", "roles_report_html"]
