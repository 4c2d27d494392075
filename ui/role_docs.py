"""Role descriptions of the in-house team's seats (model.role_descriptions) as Markdown and HTML:
the start of a job advert (issue 13). Pure: no Streamlit calls; ui/handover_docs.py re-exports
them beside the briefs.
"""

from __future__ import annotations

from model import Catalog, Plan, RoleDescription
from ui.docblocks import Doc, Escape, page
from ui.feedback import md_escape
from ui.findings import seat_label
from ui.fmt import hours, names_list, number, pct, sek
from ui.i18n import _, t


def role_title(desc: RoleDescription, catalog: Catalog, lang: str) -> str:
    return _(lang, "{role} · {seat}", role=_(lang, catalog.name(desc.role)), seat=seat_label(desc.seat, lang))


def role_doc(desc: RoleDescription, plan: Plan, catalog: Catalog, lang: str, v: Escape, top: int) -> Doc:
    doc = Doc(v)
    doc.h(top, _(lang, "{role} · {seat}", role=v(_(lang, catalog.name(desc.role))),
                 seat=v(seat_label(desc.seat, lang))))

    def caps(names: tuple[str, ...]) -> str:
        return v(names_list([_(lang, catalog.name(cap)) for cap in names], lang))

    summary = [_(lang, "{hours} of {capacity} h/week ({utilisation} of the time).",
                 hours=hours(desc.hours, lang), capacity=hours(desc.capacity, lang),
                 utilisation=pct(desc.utilisation, lang))]
    if desc.owns:
        summary.append(_(lang, "Answers for {capabilities}.", capabilities=caps(desc.owns)))
    if desc.contributes:
        summary.append(_(lang, "Contributes to {capabilities}.", capabilities=caps(desc.contributes)))
    if any(duty.code == "coordination" for duty in desc.duties):
        summary.append(_(lang, "Orders and follows up work bought from agencies and freelancers."))
    doc.p(" ".join(summary))
    for part, heading in (("owns", _(lang, "Owns")), ("contributes", _(lang, "Contributes to"))):
        duties = [duty for duty in desc.duties if duty.part == part]
        if duties:
            doc.h(top + 1, heading)
        for duty in duties:
            doc.h(top + 2, v(_(lang, catalog.name(duty.capability))) if duty.capability
                  else t("coordination", lang))
            doc.p(_(lang, "{hours} h/week · {share} of the time", hours=hours(duty.hours, lang),
                    share=pct(duty.share, lang)))
            if duty.code == "coordination":
                doc.p(_(lang, "Briefs and follows up the agencies and freelancers doing {capabilities}.",
                        capabilities=caps(duty.orders)) if duty.orders else
                      _(lang, "Briefs and follows up the agencies and freelancers the plan buys."))
            elif duty.hours <= 0 and part == "owns":
                doc.p(_(lang, "No hours of its own: the work is bought outside or not done, and this role "
                              "answers for the result."))
            elif duty.hours <= 0:
                doc.p(_(lang, "No hours of its own: asked for its know-how."))
            if duty.kpis and duty.capability:
                doc.p(_(lang, "Followed up on:"))
                doc.ul([v(_(lang, catalog.kpi_name(duty.capability, kpi))) for kpi in duty.kpis])
    doc.h(top + 1, _(lang, "Time, cost and pay"))
    band = (_(lang, "Usual pay: {low}–{high} SEK a month", low=number(desc.pay_band[0], lang),
              high=number(desc.pay_band[1], lang)) if desc.pay_band else _(lang, "Usual pay: not known"))
    doc.ul([_(lang, "Hours: {hours} of {capacity} h/week ({utilisation})", hours=hours(desc.hours, lang),
              capacity=hours(desc.capacity, lang), utilisation=pct(desc.utilisation, lang)),
            _(lang, "Fully loaded cost: {cost} a year", cost=sek(desc.cost_sek_year, lang)),
            _(lang, "Gross pay: {pay} a month", pay=sek(desc.pay_sek_month, lang)), band])
    doc.p(_(lang, "This role description is the start of a job advert: add the organisation, where the work "
                  "is done and how to apply."), "meta")
    return doc


def role_markdown(desc: RoleDescription, plan: Plan, catalog: Catalog, lang: str) -> str:
    return role_doc(desc, plan, catalog, lang, md_escape, 1).markdown()


def role_html(desc: RoleDescription, plan: Plan, catalog: Catalog, lang: str) -> str:
    body = role_doc(desc, plan, catalog, lang, str, 1).html()
    return page(role_title(desc, catalog, lang), body, lang)


def role_file(desc: RoleDescription, ext: str) -> str:
    return f"role-{desc.seat.lower()}-{desc.role.replace('_', '-')}.{ext}"
