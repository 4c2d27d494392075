"""The plan of a scenario as plain text, for the command line (`python -m model`). Pure Python, no
Streamlit: the words are those of the pages (the same catalogs, the same findings and reasons), the
numbers are written for the language by ui/fmt.py.

    sys.stdout.write(render_text(plan, catalog, "sv"))
"""

from __future__ import annotations

from model import CAPABILITIES, Catalog, Plan, least_cost, simulate
from ui.findings import finding_text, seat_label
from ui.fmt import fit, hours, number, pct, points, sek
from ui.goalseek_words import answer, quality_floor
from ui.i18n import N_, _, t
from ui.problems import problem_text
from ui.reasons import reason_text

# What the command line says of a wrong argument of its own (the model's problems: ui/problems.py).
USAGE: dict[str, str] = {
    "unknown_preset": N_("unknown preset {preset} (choose from: {presets})"),
    "cannot_read": N_("cannot read {path}: {reason}"),
}


def usage_text(code: str, lang: str = "en", **values: object) -> str:
    """A problem with the command line's arguments (USAGE) in the language."""
    return _(lang, USAGE[code], **values)


def table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """Plain text columns; `right` holds the indexes of right-aligned (number) columns."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [str(cell).rjust(width) if i in right else str(cell).ljust(width)
                 for i, (cell, width) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * width for width in widths), *map(line, rows)]


def _names(ids, catalog: Catalog, lang: str) -> str:
    return ", ".join(_(lang, catalog.name(item)) for item in ids)


def scenario_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """The scenario in two lines (team and budget; workload), what is bought or kept, the notes."""
    s = plan.scenario
    team = ", ".join(f"{seat_label(p.seat, lang)} {_(lang, catalog.name(p.role))}"
                     for p in plan.people if p.in_team) or _(lang, "nobody")
    out = [
        _(lang, "Scenario: team {size} ({team}); budget {budget}",
          size=number(s.team_size, lang), team=team, budget=sek(s.budget_sek, lang)),
        "  " + _(lang, "workload: {channels} channels, {posts} posts/week ({video} video), {inbound} "
                       "messages/week, ad spend {ads}/month, {influencers} influencers, {employees} "
                       "employees, {lead} head of marketing h/week, {unpaid} unpaid h/week",
                 channels=number(s.channels, lang), posts=number(s.posts_per_week, lang),
                 video=pct(s.video_share, lang), inbound=number(s.inbound_per_week, lang),
                 ads=sek(s.ad_spend_sek_month, lang), influencers=number(s.influencers, lang),
                 employees=number(s.org_size, lang), lead=hours(s.marketing_lead_hours, lang),
                 unpaid=hours(s.volunteer_hours, lang)),
    ]
    for key in ("outsource", "insource"):
        if getattr(s, key):
            out.append(f"  {t(key, lang)}: {_names(getattr(s, key), catalog, lang)}")
    if s.notes:
        out += ["", f"{_(lang, 'Notes')}:", *(f"  - {problem_text(note, lang)}" for note in s.notes)]
    return out


def demand_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """Demand, who covers it (in-house, agency, freelance, not done), coverage and fit per capability."""
    by_type = plan.hours_by_type()
    rows = [[_(lang, catalog.name(cap)), hours(plan.demand[cap], lang),
             *(hours(by_type[cap][kind], lang) for kind in ("in_house", "agency", "freelancer")),
             hours(plan.uncovered[cap], lang), pct(plan.coverage[cap], lang), fit(plan.quality[cap], lang)]
            for cap in CAPABILITIES]
    kinds = ("in_house", "agency", "freelancer")
    totals = [sum(by_type[cap][kind] for cap in CAPABILITIES) for kind in kinds]
    rows.append([_(lang, "Total"), hours(plan.total_demand, lang), *(hours(value, lang) for value in totals),
                 hours(sum(plan.uncovered.values()), lang), pct(plan.overall_coverage, lang),
                 fit(plan.overall_quality, lang)])
    header = [_(lang, "Capability"), _(lang, "Demand"), t("in_house", lang), t("agency", lang),
              t("freelancer", lang), t("uncovered", lang), _(lang, "Coverage"), _(lang, "Quality (fit)")]
    return [_(lang, "Demand and coverage (hours per week)"), *table(header, rows, right=set(range(1, 8)))]


def assignment_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    rows = [[_(lang, catalog.name(line.capability)), _(lang, catalog.name(line.provider)),
             seat_label(line.seat, lang) if line.seat else "", hours(line.hours, lang),
             number(line.cost_sek, lang), fit(line.fit, lang),
             reason_text(line.reason, line.reason_values, catalog, lang)] for line in plan.assignments]
    header = [_(lang, "Capability"), _(lang, "Who"), t("seat", lang), _(lang, "h/week"), _(lang, "SEK/year"),
              _(lang, "Fit"), _(lang, "Reason")]
    return [_(lang, "Assignments"), *table(header, rows, right={3, 4, 5})]


def people_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    rows = [[seat_label(p.seat, lang), _(lang, catalog.name(p.role)), hours(p.hours, lang),
             hours(p.coordination_hours, lang), hours(p.capacity, lang), pct(p.utilisation, lang),
             _names(p.capabilities, catalog, lang)] for p in plan.people]
    header = [t("seat", lang), _(lang, "Role"), _(lang, "h/week"), _(lang, "of it ordering"),
              _(lang, "Capacity"), _(lang, "Load"), _(lang, "Capabilities")]
    return [_(lang, "People"), *table(header, rows, right={2, 3, 4, 5})]


def cost_lines(plan: Plan, lang: str) -> list[str]:
    c = plan.cost
    rows = [[label, sek(value, lang)] for label, value in (
        (t("in_house", lang), c.in_house), (_(lang, "Agencies"), c.agency),
        (_(lang, "Freelancers"), c.freelancer),
        (_(lang, "Total"), c.total), (t("budget", lang), c.budget), (t("remaining", lang), c.remaining))]
    return [_(lang, "Cost per year"), *table(["", ""], rows, right={1})[2:]]


def limit_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """What more money or one more hour a week of each person would add (as the Simulator says it)."""
    limits = plan.limits
    if limits is None:
        return []
    people = {p.seat: p for p in plan.people}
    def seat_name(seat: str) -> str:
        person = people.get(seat)
        label = seat_label(seat, lang)
        return f"{label} ({_(lang, catalog.name(person.role))})" if person and person.in_team else label

    changes = [(_(lang, "{sek} more a year", sek=sek(limits.budget_step, lang)), limits.budget_gain)]
    for seat, gain in limits.seat_gain.items():
        change = (_(lang, "One more hour a week of {name}", name=seat_name(seat)) if limits.hour_step == 1
                  else _(lang, "{step} more hours a week of {name}", step=number(limits.hour_step, lang),
                         name=seat_name(seat)))
        changes.append((change, gain))
    return [_(lang, "What limits this plan"),
            *("  " + _(lang, "{change} would add {gain} of coverage", change=change,
                       gain=points(gain, lang, 1)) for change, gain in changes)]


def finding_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    out = [_(lang, "Findings")]
    if not plan.findings:
        out.append("  " + _(lang, "The plan breaks none of the guidance."))
    for finding in plan.findings:
        message, advice = finding_text(finding, catalog, lang)
        out += [f"  [{t(finding.severity, lang).upper()}] {message}", f"      {_(lang, 'Advice')}: {advice}"]
    return out


def goal_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """With a coverage target: what it costs at the least, with any team and with this one."""
    target = plan.scenario.target_coverage
    if target <= 0:
        return []
    quality = quality_floor(simulate(plan.scenario.replace(target_coverage=0.0), catalog))
    out = [_(lang, "What does {target} coverage cost?", target=pct(target, lang))]
    for team in ("free", "keep"):
        words = answer(least_cost(plan.scenario, catalog, coverage=target, quality=quality, team=team),
                       plan, catalog, lang)
        out += [f"  {words.headline}"] + [f"    {line}" for line in words.details]
    return out


def continuity_lines(plan: Plan, catalog: Catalog, lang: str) -> list[str]:
    """The July test and the reply-time promise, one line each, and what to brief."""
    from model import briefs, continuity, readiness, reply_delivery
    from ui.continuity_words import continuity_line, reply_line

    items = briefs(plan, catalog)
    out = [_(lang, "Holidays, replies and briefs"),
           "  " + continuity_line(continuity(plan, catalog), lang),
           "  " + reply_line(reply_delivery(plan, catalog), lang)]
    if items:
        out.append("  " + _(lang, "Briefs to write: {names} (ready: {share})",
                            names=", ".join(_(lang, catalog.name(item.capability)) for item in items),
                            share=pct(readiness(items), lang)))
    return out


def render_text(plan: Plan, catalog: Catalog, lang: str = "en") -> str:
    """The whole plan: scenario, demand and coverage, assignments, people, cost, limits, findings,
    and with a coverage target what it costs at the least."""
    sections = [scenario_lines(plan, catalog, lang), demand_lines(plan, catalog, lang),
                assignment_lines(plan, catalog, lang), people_lines(plan, catalog, lang),
                cost_lines(plan, lang), limit_lines(plan, catalog, lang), finding_lines(plan, catalog, lang),
                continuity_lines(plan, catalog, lang), goal_lines(plan, catalog, lang)]
    out: list[str] = []
    for section in sections:
        if section:
            out += ([""] if out else []) + section
    return "\n".join(out) + "\n"


__all__ = ["USAGE", "render_text", "table", "usage_text"]
