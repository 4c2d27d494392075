"""The command line, `python -m model` (model/__main__.py starts it): read the arguments, run the
model, print the plan in the words of the pages (ui/textreport.py, the catalogs in locale/); the
help, too, is in the language of --lang. Pure Python: no Streamlit.

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

from model import (
    CAPABILITIES,
    FIELD_SPECS,
    PROVIDERS,
    ROLES,
    SPECS,
    Catalog,
    CatalogError,
    Problem,
    Scenario,
    ScenarioError,
    load_catalog,
    simulate,
)
from ui.fmt import names_list, number
from ui.i18n import LANGS, N_, SOURCE, _, t
from ui.problems import error_text, problem_text
from ui.textreport import render_text, usage_text

EXIT_USAGE = 2
LIST_KINDS = ("roles", "capabilities", "retainers")
CLEAR = ("none", "")


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own errors: one line, status 2
        raise UsageError(message)


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


HELP = {
    "description": N_("Print the plan of a social media org-design scenario: who does what, in-house "
                      "or outside, at what cost."),
    "preset": N_("start from a preset (see --list-presets)"),
    "file": N_("start from a scenario YAML file"),
    "list_presets": N_("list the presets and exit"),
    "data": N_("read the knowledge base from DIR, not data/"),
    "json": N_("print the plan as JSON"),
    "lang": N_("language of the text"),
    "fields": N_("scenario fields (override the preset or file)"),
    "list": N_("repeatable or comma-separated; one of {ids}; 'none' clears"),
    "retainers": N_("a retainer, repeatable: provider:capability+capability:SEK a month (e.g. "
                    "community_agency:community:60000); provider one of {providers}; 'none' clears"),
    "number": N_("{label}, from {low} to {high} (default {default})"),
    "choice": N_("{label}: one of {choices} (default {default})"),
    "text": N_("{label}: text of at most {most} characters"),
}


def language(argv: list[str] | None) -> str:
    """The --lang of the arguments (English when not given or not known), for the help texts."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default=SOURCE)
    lang = early.parse_known_args(argv)[0].lang
    return lang if lang in LANGS else SOURCE


def build_parser(lang: str = SOURCE) -> Parser:
    def say(key: str, **values: object) -> str:
        return _(lang, HELP[key], **values).replace("%", "%%")  # argparse formats help with %

    parser = Parser(prog="python -m model", description=say("description"))
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", metavar="NAME", help=say("preset"))
    source.add_argument("--file", metavar="PATH", help=say("file"))
    parser.add_argument("--list-presets", action="store_true", help=say("list_presets"))
    parser.add_argument("--data", metavar="DIR", help=say("data"))
    parser.add_argument("--json", action="store_true", help=say("json"))
    parser.add_argument("--lang", choices=list(LANGS), default=SOURCE, help=say("lang"))
    fields = parser.add_argument_group(say("fields"))
    for spec in FIELD_SPECS:
        if spec.kind == "retainers":
            fields.add_argument(flag(spec.name), dest=spec.name, action="append",
                                metavar="PROVIDER:CAP+CAP:SEK",
                                help=say("retainers", providers=names_list(list(PROVIDERS), lang, "or")))
        elif spec.kind in LIST_KINDS:
            allowed = ROLES if spec.kind == "roles" else CAPABILITIES
            what = "ROLE" if spec.kind == "roles" else "CAP"
            fields.add_argument(flag(spec.name), dest=spec.name, action="append", metavar=what,
                                help=say("list", ids=names_list(list(allowed), lang, "or")))
        elif spec.kind == "choice":
            fields.add_argument(flag(spec.name), dest=spec.name, choices=list(spec.choices), help=say(
                "choice", label=t(spec.name, lang), choices=", ".join(spec.choices), default=spec.default))
        elif spec.kind == "text":
            fields.add_argument(flag(spec.name), dest=spec.name, metavar="TEXT", help=say(
                "text", label=t(spec.name, lang), most=int(spec.high)))
        else:
            decimals = 2 if spec.kind == "float" else 0
            fields.add_argument(flag(spec.name), dest=spec.name, metavar="N", help=say(
                "number", label=t(spec.name, lang), low=number(spec.low, lang, decimals),
                high=number(spec.high, lang, decimals), default=spec.default))
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
        if SPECS[name].kind == "retainers":
            value = [item.strip() for item in value if item.strip().lower() not in CLEAR]
        elif SPECS[name].kind in LIST_KINDS:
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
    args = build_parser(language(argv)).parse_args(argv)
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
