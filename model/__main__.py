"""Command line: print the plan of a scenario.

    python -m model --team-size 3 --budget-sek 2500000
    python -m model --preset solo_manager --channels 5 --lang sv
    python -m model --file scenario.yaml --json
    python -m model --list-presets

The scenario comes from a preset or a YAML file (as Scenario.to_yaml writes it) or the defaults;
flags, one per Scenario field, override it. --team, --outsource and --insource are repeatable
(or comma-separated); give them the value `none` to clear the list. A bad argument, an unknown
preset, a bad file or a broken data folder prints one line `error: ...` and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from . import fmt
from .catalog import Catalog, load_catalog
from .engine import simulate
from .errors import CatalogError, ScenarioError
from .plan import Plan
from .rules import seat_label
from .scenario import FIELD_SPECS, SPECS, Scenario
from .vocab import CAPABILITIES, LANGUAGES, ROLES

EXIT_USAGE = 2
LIST_KINDS = ("roles", "capabilities")
CLEAR = ("none", "")


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own errors: one line, status 2
        raise UsageError(message)


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def build_parser() -> Parser:
    parser = Parser(prog="python -m model", description="Print the plan of a social media "
                    "org-design scenario: who does what, in-house or outside, at what cost.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", metavar="NAME", help="start from a preset (see --list-presets)")
    source.add_argument("--file", metavar="PATH", help="start from a scenario YAML file")
    parser.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    parser.add_argument("--data", metavar="DIR", help="read the knowledge base from DIR, not data/")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the text")
    fields = parser.add_argument_group("scenario fields (override the preset or file)")
    for spec in FIELD_SPECS:
        if spec.kind in LIST_KINDS:
            allowed = ROLES if spec.kind == "roles" else CAPABILITIES
            what = "ROLE" if spec.kind == "roles" else "CAP"
            fields.add_argument(flag(spec.name), dest=spec.name, action="append", metavar=what,
                                help=f"repeatable or comma-separated; one of {', '.join(allowed)}; "
                                     "'none' clears")
        else:
            bounds = f"{spec.low:g}..{spec.high:g}"
            fields.add_argument(flag(spec.name), dest=spec.name, metavar="N",
                                help=f"{spec.unit}, {bounds} (default {spec.default})")
    return parser


# ---- building the scenario ------------------------------------------------------------------
def _flag_problem(problem: str) -> str:
    """'budget_sek: -5 is outside ...' -> '--budget-sek: -5 is outside ...'."""
    name, sep, rest = problem.partition(": ")
    return f"{flag(name)}: {rest}" if sep and name in SPECS else problem


def base_scenario(args: argparse.Namespace, catalog: Catalog) -> Scenario:
    if args.preset is not None:
        if args.preset not in catalog.presets:
            raise UsageError(f"unknown preset {args.preset!r} (choose from: "
                             f"{', '.join(catalog.presets)})")
        return catalog.presets[args.preset].scenario
    if args.file is not None:
        try:
            with open(args.file, "rb") as handle:
                text = handle.read()
        except OSError as error:
            raise UsageError(f"cannot read {args.file}: {error.strerror or error}") from None
        try:
            return Scenario.from_yaml(text)
        except ScenarioError as error:
            raise UsageError(f"{args.file}: {error}") from None
    return Scenario()


def scenario_from(args: argparse.Namespace, catalog: Catalog) -> Scenario:
    values: dict[str, Any] = base_scenario(args, catalog).to_dict()
    given = {spec.name for spec in FIELD_SPECS if getattr(args, spec.name) is not None}
    for name in given:
        value = getattr(args, name)
        if SPECS[name].kind in LIST_KINDS:
            value = [part.strip() for item in value for part in item.split(",")
                     if part.strip().lower() not in CLEAR]
        values[name] = value
    if "team_size" in given and "team" not in given:
        values["team"] = []  # a team size alone: the solver chooses the roles
    try:
        return Scenario.from_mapping(values, strict=True)
    except ScenarioError as error:
        raise UsageError("; ".join(_flag_problem(problem) for problem in error.problems)) from None


# ---- text output ----------------------------------------------------------------------------------
TEXT = {
    "en": {
        "scenario": "Scenario", "team": "team", "budget": "budget", "workload": "workload",
        "channels": "channels", "posts": "posts/week", "video": "video", "inbound": "messages/week",
        "ads": "ads/month", "influencers": "influencers", "org": "employees",
        "lead_hours": "head of marketing h/week", "outsource": "outsource", "insource": "keep in-house",
        "notes": "Notes", "demand_title": "Demand and coverage (hours per week)",
        "capability": "Capability", "demand": "Demand", "in_house": "In-house", "agency": "Agency",
        "freelancer": "Freelancer", "uncovered": "Uncovered", "coverage": "Coverage", "total": "Total",
        "quality": "Quality (fit)", "limits_title": "What limits this plan",
        "limit_budget": "100,000 SEK more a year would add {gain} coverage",
        "limit_seat": "one more hour a week of {seat} would add {gain}",
        "volunteer_hours": "unpaid h/week",
        "assign_title": "Assignments", "who": "Who", "seat": "Seat", "hours": "h/week",
        "cost": "SEK/year", "fit": "Fit", "reason": "Reason", "people_title": "People",
        "ordering": "of it ordering",
        "role": "Role", "capacity": "Capacity", "load": "Load", "caps": "Capabilities",
        "cost_title": "Cost per year", "in_house_cost": "In-house", "agency_cost": "Agencies",
        "freelancer_cost": "Freelancers", "total_cost": "Total", "budget_row": "Budget",
        "remaining": "Remaining", "findings_title": "Findings", "no_findings": "No findings.",
        "advice": "Advice", "none": "none", "seats": "seats",
    },
    "sv": {
        "scenario": "Scenario", "team": "team", "budget": "budget", "workload": "arbetsmängd",
        "channels": "kanaler", "posts": "inlägg/vecka", "video": "video", "inbound": "meddelanden/vecka",
        "ads": "annonser/månad", "influencers": "influencers", "org": "anställda",
        "lead_hours": "marknadsansvarig h/vecka", "outsource": "lägg ut", "insource": "behåll internt",
        "notes": "Anmärkningar", "demand_title": "Behov och täckning (timmar per vecka)",
        "capability": "Kapabilitet", "demand": "Behov", "in_house": "Internt", "agency": "Byrå",
        "freelancer": "Frilans", "uncovered": "Ogjort", "coverage": "Täckning", "total": "Totalt",
        "quality": "Kvalitet (matchning)", "limits_title": "Vad som begränsar planen",
        "limit_budget": "100 000 kr mer per år skulle ge {gain} mer täckning",
        "limit_seat": "en timme mer i veckan för {seat} skulle ge {gain}",
        "volunteer_hours": "obetalda h/vecka",
        "assign_title": "Fördelning", "who": "Vem", "seat": "Tjänst", "hours": "h/vecka",
        "cost": "kr/år", "fit": "Matchning", "reason": "Skäl", "people_title": "Personer",
        "ordering": "varav beställning",
        "role": "Roll", "capacity": "Kapacitet", "load": "Belastning", "caps": "Kapabiliteter",
        "cost_title": "Kostnad per år", "in_house_cost": "Internt", "agency_cost": "Byråer",
        "freelancer_cost": "Frilansare", "total_cost": "Totalt", "budget_row": "Budget",
        "remaining": "Kvar", "findings_title": "Iakttagelser", "no_findings": "Inga iakttagelser.",
        "advice": "Råd", "none": "inga", "seats": "tjänster",
    },
}
SEVERITY_TAG = {"en": {"critical": "CRITICAL", "warning": "WARNING", "info": "INFO"},
                "sv": {"critical": "KRITISKT", "warning": "VARNING", "info": "INFO"}}


def table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """Plain text columns; `right` holds the indexes of right-aligned (number) columns."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [str(cell).rjust(width) if i in right else str(cell).ljust(width)
                 for i, (cell, width) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * width for width in widths), *map(line, rows)]


def render_text(plan: Plan, catalog: Catalog, lang: str) -> str:
    from ui.reasons import reason_text  # the texts live in ui/ (no Streamlit there)

    t, s = TEXT[lang], plan.scenario
    hours = lambda value: fmt.hours(value, lang)  # noqa: E731
    out: list[str] = []

    team = ", ".join(f"{seat_label(p.seat, lang)} {catalog.name(p.role, lang)}"
                     for p in plan.people if p.in_team) or t["none"]
    out += [f"{t['scenario']}: {t['team']} {s.team_size} ({team}); {t['budget']} "
            f"{fmt.sek(s.budget_sek, lang)}",
            f"  {t['workload']}: {s.channels} {t['channels']}, {s.posts_per_week} {t['posts']} "
            f"({fmt.pct(s.video_share, lang)} {t['video']}), {fmt.number(s.inbound_per_week, lang)} "
            f"{t['inbound']}, {fmt.sek(s.ad_spend_sek_month, lang)} {t['ads']}, {s.influencers} "
            f"{t['influencers']}, {fmt.number(s.org_size, lang)} {t['org']}, "
            f"{hours(s.marketing_lead_hours)} {t['lead_hours']}, "
            f"{hours(s.volunteer_hours)} {t['volunteer_hours']}"]
    for key in ("outsource", "insource"):
        if getattr(s, key):
            out.append(f"  {t[key]}: {', '.join(catalog.name(c, lang) for c in getattr(s, key))}")
    if s.notes:
        out += ["", f"{t['notes']}:", *(f"  - {note}" for note in s.notes)]

    by_type = plan.hours_by_type()
    rows = [[catalog.name(cap, lang), hours(plan.demand[cap]), hours(by_type[cap]["in_house"]),
             hours(by_type[cap]["agency"]), hours(by_type[cap]["freelancer"]),
             hours(plan.uncovered[cap]), fmt.pct(plan.coverage[cap], lang),
             fmt.fit(plan.quality[cap], lang)] for cap in CAPABILITIES]
    totals = [sum(by_type[cap][kind] for cap in CAPABILITIES)
              for kind in ("in_house", "agency", "freelancer")]
    rows.append([t["total"], hours(plan.total_demand), *map(hours, totals),
                 hours(sum(plan.uncovered.values())), fmt.pct(plan.overall_coverage, lang),
                 fmt.fit(plan.overall_quality, lang)])
    out += ["", t["demand_title"], *table(
        [t["capability"], t["demand"], t["in_house"], t["agency"], t["freelancer"], t["uncovered"],
         t["coverage"], t["quality"]], rows, right={1, 2, 3, 4, 5, 6, 7})]

    rows = [[catalog.name(line.capability, lang), catalog.name(line.provider, lang),
             seat_label(line.seat, lang) if line.seat else "", hours(line.hours),
             fmt.number(line.cost_sek, lang), fmt.fit(line.fit, lang),
             reason_text(line.reason, line.reason_values, catalog, lang)] for line in plan.assignments]
    out += ["", t["assign_title"], *table(
        [t["capability"], t["who"], t["seat"], t["hours"], t["cost"], t["fit"], t["reason"]],
        rows, right={3, 4, 5})]

    rows = [[seat_label(p.seat, lang), catalog.name(p.role, lang), hours(p.hours),
             hours(p.coordination_hours), hours(p.capacity), fmt.pct(p.utilisation, lang),
             ", ".join(catalog.name(c, lang) for c in p.capabilities)]
            for p in plan.people]
    out += ["", t["people_title"], *table(
        [t["seat"], t["role"], t["hours"], t["ordering"], t["capacity"], t["load"], t["caps"]], rows,
        right={2, 3, 4, 5})]

    c = plan.cost
    rows = [[t[key], fmt.sek(value, lang)] for key, value in (
        ("in_house_cost", c.in_house), ("agency_cost", c.agency), ("freelancer_cost", c.freelancer),
        ("total_cost", c.total), ("budget_row", c.budget), ("remaining", c.remaining))]
    out += ["", t["cost_title"], *table(["", ""], rows, right={1})[2:]]

    if plan.limits is not None:
        gain = lambda value: fmt.number(value * 100, lang, 1) + " pp"  # noqa: E731
        out += ["", t["limits_title"], "  " + t["limit_budget"].format(gain=gain(plan.limits.budget_gain))]
        out += ["  " + t["limit_seat"].format(seat=seat_label(seat, lang), gain=gain(value))
                for seat, value in plan.limits.seat_gain.items()]

    out += ["", t["findings_title"]]
    if not plan.findings:
        out.append(f"  {t['no_findings']}")
    for finding in plan.findings:
        message, advice = finding.text(lang)
        out += [f"  [{SEVERITY_TAG[lang][finding.severity]}] {message}",
                f"      {t['advice']}: {advice}"]
    return "\n".join(out) + "\n"


# ---- main ---------------------------------------------------------------------------------------
def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        catalog = load_catalog(args.data)
    except CatalogError as error:
        raise UsageError(str(error)) from None
    if args.list_presets:
        width = max((len(preset_id) for preset_id in catalog.presets), default=0)
        for preset in catalog.presets.values():
            print(f"{preset.id.ljust(width)}  {preset.name[args.lang]}")
        return 0
    plan = simulate(scenario_from(args, catalog), catalog)
    if args.json:
        print(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(plan, catalog, args.lang))
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except UsageError as error:
        message = " ".join(str(error).split())  # one line, whatever the message held
        print(f"error: {message}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
