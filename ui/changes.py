"""What differs between plans, in plain language and as a table. Pure: no Streamlit.

    rows = compare_rows([plan_a, plan_b], lang)           # headline figures side by side
    summary = summarise_changes(plan_a, plan_b, catalog, lang)   # what changed from a to b

The texts are plain (neither escaped nor markdown): the page and the HTML report escape them
for their medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model import FIELD_SPECS, Catalog, Plan, Scenario
from ui.findings import finding_message
from ui.fmt import hours, msek, number, pct, sek
from ui.i18n import N_, _, t

COVERAGE_STEP = 0.05  # a capability's coverage must move at least this much to be reported
MIN_HOURS = 0.5  # hours per week a provider must carry to count as doing a capability
EPS = 1e-9
NEVER = 1e9  # hours: a reply that never comes


# ---- headline figures side by side ----------------------------------------------------------
@dataclass(frozen=True)
class CompareRow:
    """One figure for every plan; `direction` +1 when more is better, -1 when less is, 0 neutral."""

    key: str
    label: str
    values: tuple[str, ...]
    numbers: tuple[float, ...]
    direction: int

    def verdict(self, index: int) -> str:
        """Against the first plan: 'base', 'same', 'better', 'worse' or 'changed'."""
        if index == 0:
            return "base"
        change = self.numbers[index] - self.numbers[0]
        if self.values[index] == self.values[0] or abs(change) <= 1e-6 * max(1.0, abs(self.numbers[0])):
            return "same"  # a difference too small to show is no difference
        if self.direction == 0:
            return "changed"
        return "better" if change * self.direction > 0 else "worse"


def _team(plan: Plan):
    return [person for person in plan.people if person.in_team]


def _wait(delivery) -> float:
    return delivery.open_wait if delivery.open_wait is not None else NEVER


def _continuity_rows(plans: list[Plan], catalogs: list[Catalog], lang: str) -> list[CompareRow]:
    """Holiday risk, the reply time each plan delivers and how ready its briefs are (they need each
    plan's catalog)."""
    from model import briefs, continuity, readiness, reply_delivery
    from ui.continuity_words import wait_text

    holidays = [continuity(plan, catalog) for plan, catalog in zip(plans, catalogs, strict=True)]
    replies = [reply_delivery(plan, catalog) for plan, catalog in zip(plans, catalogs, strict=True)]
    specs = [
        ("july_risk", _(lang, "Hours a week at risk in July"), [item.hours_at_risk for item in holidays],
         lambda v: hours(v, lang), -1),
        ("single_points", _(lang, "Capabilities resting on one person"),
         [len(item.single_points) for item in holidays], lambda v: number(v, lang), -1),
        ("reply_wait", _(lang, "Longest wait for a reply in open hours"), [_wait(item) for item in replies],
         lambda v: _(lang, "no replies") if v >= NEVER else wait_text(v, lang), -1),
        ("answered", _(lang, "Messages answered"), [item.answered_share for item in replies],
         lambda v: pct(v, lang), 1),
        ("brief_readiness", _(lang, "Brief readiness"),
         [readiness(briefs(plan, catalog)) for plan, catalog in zip(plans, catalogs, strict=True)],
         lambda v: pct(v, lang), 1),
    ]
    return [CompareRow(key, label, tuple(show(float(n)) for n in values), tuple(float(n) for n in values),
                       direction) for key, label, values, show, direction in specs]


def compare_rows(plans: list[Plan], lang: str, catalogs: list[Catalog] | None = None) -> list[CompareRow]:
    """The headline figures of each plan, the first being the baseline; with each plan's catalog,
    also its holiday risk and reply time."""
    specs = [
        ("coverage", _(lang, "Coverage"), lambda p: p.overall_coverage,
         lambda v: pct(v, lang), 1),
        ("cost", _(lang, "Cost per year"), lambda p: p.cost.total,
         lambda v: msek(v, lang), -1),
        ("budget", t("budget", lang), lambda p: p.cost.budget, lambda v: msek(v, lang), 0),
        ("remaining", t("remaining", lang), lambda p: p.cost.remaining, lambda v: msek(v, lang), 0),
        ("in_house", _(lang, "In-house cost"), lambda p: p.cost.in_house,
         lambda v: msek(v, lang), 0),
        ("agency", _(lang, "Agency fees"), lambda p: p.cost.agency,
         lambda v: msek(v, lang), 0),
        ("freelancer", _(lang, "Freelance fees"), lambda p: p.cost.freelancer,
         lambda v: msek(v, lang), 0),
        ("people", _(lang, "People in-house"), lambda p: len(_team(p)),
         lambda v: number(v, lang), 0),
        ("over_capacity", _(lang, "People over capacity"),
         lambda p: sum(1 for person in _team(p) if person.utilisation > 1 + EPS),
         lambda v: number(v, lang), -1),
        ("not_done", _(lang, "Hours not done per week"),
         lambda p: sum(p.uncovered.values()), lambda v: hours(v, lang), -1),
        ("critical", _(lang, "Critical findings"), lambda p: p.count("critical"),
         lambda v: number(v, lang), -1),
        ("warning", _(lang, "Warnings"), lambda p: p.count("warning"),
         lambda v: number(v, lang), -1),
    ]
    rows = []
    for key, label, value, show, direction in specs:
        numbers = tuple(float(value(plan)) for plan in plans)
        rows.append(CompareRow(key, label, tuple(show(n) for n in numbers), numbers, direction))
    if catalogs is not None:
        rows += _continuity_rows(plans, catalogs, lang)
    return rows


# ---- what changed --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChangeSummary:
    """What changed from a baseline plan to another, section by section (plain text lines)."""

    headline: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    who: tuple[str, ...] = ()
    gained: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    appeared: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    titles: dict[str, str] = field(default_factory=dict)

    def sections(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(key, title, lines) for every section that has lines."""
        keys = ("headline", "inputs", "who", "gained", "lost", "appeared", "gone")
        return [(key, self.titles[key], getattr(self, key)) for key in keys if getattr(self, key)]

    @property
    def same_plan(self) -> bool:
        return not any((self.inputs, self.who, self.gained, self.lost, self.appeared, self.gone))


def retainer_text(retainer, catalog: Catalog, lang: str) -> str:
    """'Community agency (community & support): SEK 60,000 a month'."""
    scope = ", ".join(_(lang, catalog.name(cap)).lower() for cap in retainer.scope)
    return _(lang, "{provider} ({scope}): {fee} a month", provider=_(lang, catalog.name(retainer.provider)),
             scope=scope, fee=sek(retainer.fee_sek_month, lang))


def value_text(name: str, value, catalog: Catalog, lang: str) -> str:
    if name == "team" and not value:
        return _(lang, "the hiring ladder")
    if name in ("team", "outsource", "insource"):
        return ", ".join(_(lang, catalog.name(item)) for item in value) or _(lang, "none")
    if name == "budget_sek":
        return msek(value, lang)
    if name == "retainers":
        return "; ".join(retainer_text(item, catalog, lang) for item in value) or _(lang, "none")
    if name in ("video_share", "target_coverage"):
        return pct(value, lang)
    if name in ("marketing_lead_hours", "volunteer_hours"):
        return hours(value, lang)
    if name == "reply_hours":
        return _(lang, "{hours} h", hours=number(value, lang, 0 if float(value).is_integer() else 2))
    if name == "reply_window":
        windows = catalog.reply.windows if catalog.reply else {}
        return _(lang, windows[value].name) if value in windows else str(value)
    if name == "handling_minutes":
        return _(lang, "{minutes} min", minutes=number(value, lang, 0 if float(value).is_integer() else 1))
    if isinstance(value, str):  # free text the user typed (a brief's goal, audience, ...)
        return value or _(lang, "none")
    return number(value, lang)


def _field_label(name: str, lang: str) -> str:
    return t(name, lang)


def input_changes(before: Scenario, after: Scenario, catalog: Catalog, lang: str) -> list[str]:
    """'Annual budget (SEK): 2.0 MSEK → 2.6 MSEK' for each field that differs."""
    lines = []
    for spec in FIELD_SPECS:
        old, new = getattr(before, spec.name), getattr(after, spec.name)
        if old == new:
            continue
        if spec.name == "team" and old and new:
            added = [role for role in set(new) if new.count(role) > old.count(role)]
            removed = [role for role in set(old) if old.count(role) > new.count(role)]
            parts = []
            if added:
                parts.append(_(lang, "adds ") +
                             ", ".join(sorted(_(lang, catalog.name(r)) for r in added)))
            if removed:
                parts.append(_(lang, "drops ") +
                             ", ".join(sorted(_(lang, catalog.name(r)) for r in removed)))
            if not parts:
                parts.append(_(lang, "same roles in another order"))
            lines.append(f"{_field_label('team', lang)}: {'; '.join(parts)}")
            continue
        lines.append(f"{_field_label(spec.name, lang)}: {value_text(spec.name, old, catalog, lang)}"
                     f" → {value_text(spec.name, new, catalog, lang)}")
    return lines


def _doers(plan: Plan, catalog: Catalog, lang: str) -> dict[str, dict[str, float]]:
    """capability -> who (a role in-house, or a provider) -> hours per week."""
    out: dict[str, dict[str, float]] = {cap: {} for cap in plan.demand}
    for line in plan.assignments:
        if line.hours < EPS:
            continue
        if line.provider_type == "in_house":
            who = _(lang, catalog.name(line.provider)) + _(lang, " (in-house)")
        else:
            who = _(lang, catalog.name(line.provider))
        out[line.capability][who] = out[line.capability].get(who, 0.0) + line.hours
    return out


def who_changes(before: Plan, after: Plan, catalog: Catalog, lang: str) -> list[str]:
    """For each capability whose set of doers changed: who does it now, and who did before."""
    old, new = _doers(before, catalog, lang), _doers(after, catalog, lang)
    lines = []
    for cap in after.demand:
        was = {who for who, h in old.get(cap, {}).items() if h >= MIN_HOURS}
        now = {who for who, h in new.get(cap, {}).items() if h >= MIN_HOURS}
        if was == now:
            continue
        name = _(lang, catalog.name(cap))

        def listing(people: set[str], hours_of: dict[str, float]) -> str:
            if not people:
                return _(lang, "nobody")
            ranked = sorted(people, key=lambda who: (-hours_of[who], who))
            return ", ".join(f"{who} {hours(hours_of[who], lang)} h" for who in ranked)

        now_text, was_text = listing(now, new[cap]), listing(was, old.get(cap, {}))
        lines.append(_(lang, "{name}: now {now_text} (before: {was_text})",
                       name=name, now_text=now_text, was_text=was_text))
    return lines


def coverage_changes(before: Plan, after: Plan, catalog: Catalog, lang: str) -> tuple[list[str], list[str]]:
    """(gained, lost): capabilities whose coverage moved by COVERAGE_STEP or more."""
    gained, lost = [], []
    for cap in after.coverage:
        old, new = before.coverage.get(cap, 1.0), after.coverage[cap]
        if abs(new - old) < COVERAGE_STEP - EPS:
            continue
        text = f"{_(lang, catalog.name(cap))}: {pct(old, lang)} → {pct(new, lang)}"
        (gained if new > old else lost).append(text)
    return gained, lost


def _finding_key(plan: Plan, finding) -> tuple:
    role = next((person.role for person in plan.people if person.seat == finding.seat), None)
    return finding.rule_id, finding.capability, role


def finding_changes(before: Plan, after: Plan, catalog: Catalog, lang: str) -> tuple[list[str], list[str]]:
    """(appeared, gone): findings by rule, capability and the role of the seat they concern."""
    old = {_finding_key(before, f): f for f in before.findings}
    new = {_finding_key(after, f): f for f in after.findings}

    def line(finding) -> str:
        return f"{t(finding.severity, lang)}: {finding_message(finding, catalog, lang)}"

    appeared = [line(f) for key, f in new.items() if key not in old]
    gone = [line(f) for key, f in old.items() if key not in new]
    return appeared, gone


def headline_changes(before: Plan, after: Plan, lang: str) -> list[str]:
    lines = []
    if abs(after.overall_coverage - before.overall_coverage) > 1e-4:
        lines.append(_(lang, "Coverage") +
                     f": {pct(before.overall_coverage, lang)} → {pct(after.overall_coverage, lang)}")
    if msek(after.cost.total, lang) != msek(before.cost.total, lang):
        change = after.cost.total - before.cost.total
        sign = "+" if change > 0 else "−"
        lines.append(_(lang, "Cost per year") +
                     f": {msek(before.cost.total, lang)} → {msek(after.cost.total, lang)} "
                     f"({sign}{msek(abs(change), lang)})")
    split = []
    for kind, label in (("in_house", _(lang, "in-house")),
                        ("agency", _(lang, "agencies")),
                        ("freelancer", _(lang, "freelancers"))):
        old, new = getattr(before.cost, kind), getattr(after.cost, kind)
        if msek(new, lang) != msek(old, lang):
            split.append(f"{label} {msek(old, lang)} → {msek(new, lang)}")
    if split:
        lines.append(_(lang, "Cost split: ") + "; ".join(split))
    old_team, new_team = len(_team(before)), len(_team(after))
    if old_team != new_team:
        lines.append(_(lang, "People in-house") + f": {number(old_team, lang)} → {number(new_team, lang)}")
    return lines


TITLES = {
    "headline": N_("Figures"),
    "inputs": N_("What was changed"),
    "who": N_("Who does what now"),
    "gained": N_("Capabilities that gained cover"),
    "lost": N_("Capabilities that lost cover"),
    "appeared": N_("Findings that appeared"),
    "gone": N_("Findings that went away"),
}


def summarise_changes(before: Plan, after: Plan, catalog: Catalog, lang: str) -> ChangeSummary:
    """What changed from `before` (the baseline) to `after`."""
    gained, lost = coverage_changes(before, after, catalog, lang)
    appeared, gone = finding_changes(before, after, catalog, lang)
    return ChangeSummary(
        headline=tuple(headline_changes(before, after, lang)),
        inputs=tuple(input_changes(before.scenario, after.scenario, catalog, lang)),
        who=tuple(who_changes(before, after, catalog, lang)),
        gained=tuple(gained), lost=tuple(lost), appeared=tuple(appeared), gone=tuple(gone),
        titles={key: _(lang, msgid) for key, msgid in TITLES.items()},
    )


def scenario_summary(scenario: Scenario, plan: Plan, catalog: Catalog, lang: str) -> str:
    """One line: 'Team of 3 · budget 2.0 MSEK · coverage 78% · cost 1.9 MSEK'."""
    team = len(_team(plan))
    parts = [
        _(lang, "Team of {team}", team=team) if team else _(lang, "No team"),
        _(lang, "budget ") + msek(scenario.budget_sek, lang),
        _(lang, "coverage ") + pct(plan.overall_coverage, lang),
        _(lang, "cost ") + msek(plan.cost.total, lang),
    ]
    return " · ".join(parts)


def unique_labels(labels: list[str]) -> list[str]:
    """The labels, with ' (2)', ' (3)', … added to repeats so that charts keep them apart."""
    used: set[str] = set()
    out = []
    for label in labels:
        candidate, count = label, 1
        while candidate in used:
            count += 1
            candidate = f"{label} ({count})"
        used.add(candidate)
        out.append(candidate)
    return out
