"""Command line: print the plan of a scenario.

    python -m model --team-size 3 --budget-sek 2500000
    python -m model --preset solo_manager --channels 5 --lang sv
    python -m model --file scenario.yaml --json
    python -m model --list-presets

The scenario comes from a preset or a YAML file (as Scenario.to_yaml writes it) or the defaults;
flags, one per Scenario field, override it. --team, --outsource and --insource are repeatable
(or comma-separated); give them the value `none` to clear the list. A bad argument, an unknown
preset, a bad file or a broken data folder prints one line `error: ...` and exits with status 2.

The text of the plan is rendered by ui/textreport.py, in the words of the pages (the catalogs in
locale/); this module reads the arguments and runs the model.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from ui.i18n import LANGS, _
from ui.problems import error_text, problem_text
from ui.textreport import render_text, usage_text

from .catalog import Catalog, load_catalog
from .engine import simulate
from .errors import CatalogError, Problem, ScenarioError
from .scenario import FIELD_SPECS, SPECS, Scenario
from .vocab import CAPABILITIES, ROLES

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
    parser.add_argument("--lang", choices=list(LANGS), default="en", help="language of the text")
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
def _flag_problem(problem: Problem, lang: str) -> str:
    """The problem in words, naming the flag of its field: '--budget-sek: expected a number ...'."""
    key = problem.get("key")
    if key in SPECS:
        problem = problem.with_values(key=flag(key))
    return problem_text(problem, lang)


def base_scenario(args: argparse.Namespace, catalog: Catalog) -> Scenario:
    if args.preset is not None:
        if args.preset not in catalog.presets:
            raise UsageError(usage_text("unknown_preset", args.lang, preset=repr(args.preset),
                                        presets=", ".join(catalog.presets)))
        return catalog.presets[args.preset].scenario
    if args.file is not None:
        try:
            with open(args.file, "rb") as handle:
                text = handle.read()
        except OSError as error:
            raise UsageError(usage_text("cannot_read", args.lang, path=args.file,
                                        reason=error.strerror or str(error))) from None
        try:
            return Scenario.from_yaml(text)
        except ScenarioError as error:
            raise UsageError(f"{args.file}: {error_text(error, args.lang)}") from None
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
        raise UsageError("; ".join(_flag_problem(problem, args.lang) for problem in error.problems)) from None


# ---- main ---------------------------------------------------------------------------------------
def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        catalog = load_catalog(args.data)
    except CatalogError as error:
        raise UsageError(error_text(error, args.lang)) from None
    if args.list_presets:
        width = max((len(preset_id) for preset_id in catalog.presets), default=0)
        for preset in catalog.presets.values():
            print(f"{preset.id.ljust(width)}  {_(args.lang, preset.name)}")
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
