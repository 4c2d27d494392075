"""Benchmark of hostile uploads: `python bench/bench_uploads.py` (not a test; prints PASS/FAIL lines).

1. The worst files under the upload limits (scenario files 64 KB, Compare page; assumption sets
   1 MB, Assumptions page; a link parameter of 60 KB): deep nesting, wide flat maps, long strings,
   many small documents, aliases, huge numbers. For each: the time to the answer (best of 3)
   and the peak memory, each case in a fresh process (tracemalloc's peak of Python allocations,
   and the growth of the process's peak resident size, which also counts libyaml's own memory).
   Target: every case answered in under 0.5 s and under 50 MB.
2. The fuzz cases of bench/fuzz_cases.py (the cases the fuzz tests check, drawn from the same
   strategies; FUZZ_EXAMPLES per target, 1,000 unless set), timed one by one: how many take longer
   than 0.5 s. What is timed is the work of each case (its input built, read, and its answer worded
   in every language), without the tests' checks.

`--only NAME` runs the cases whose name holds NAME; `--no-fuzz` leaves out part 2; `--pure` uses
PyYAML's Python parser instead of libyaml (as on an installation without libyaml).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

TIME_TARGET_S = 0.5
MEMORY_TARGET_MB = 50.0
SCENARIO_LIMIT = 64 * 1024
ASSUMPTIONS_LIMIT = 1024 * 1024  # pages/assumptions.py MAX_UPLOAD_MB
LINK_LIMIT = 60 * 1024


def _fill(unit: str, limit: int, head: str = "", tail: str = "") -> str:
    count = (limit - len(head) - len(tail)) // len(unit)
    return head + unit * count + tail


def _lines(lines, limit: int) -> str:
    out, size = [], 0
    for line in lines:
        if size + len(line) > limit:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


def _deep(limit: int) -> str:
    depth = limit // 2 - 1
    return "[" * depth + "]" * depth


def _laughs(limit: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def documents(limit: int) -> dict[str, str]:
    """The worst documents of each kind that fit under `limit` bytes."""
    return {
        "deep flow nesting": _deep(limit),
        "deep flow mappings": _fill("{a: ", limit // 2) + "1" + "}" * (limit // 2 // 4),
        "deep block nesting": "".join("  " * level + "- \n" for level in range(int(limit ** 0.5) - 2)),
        "block sequence of sequences": _fill("- ", limit - 2, tail="x"),
        "wide flat map": _lines((f"k{i}: {i}\n" for i in range(limit)), limit),
        "wide flow list": _fill("1,", limit - 2, head="[", tail="1]"),
        "long string": _fill("x", limit, head="a: "),
        "long quoted string": _fill("x", limit - 1, head='a: "', tail='"'),
        "many small documents": _fill("a: 1\n---\n", limit),
        "billion laughs": _laughs(limit),
        "many aliases": "a: &a [1]\n" + _fill("- *a\n", limit - 20, head="b:\n"),
        "huge integer": _fill("9", limit, head="a: "),
        "huge integer under the length limit": "a: " + "9" * 19_000,
        "many 18-digit integers": _fill("- 999999999999999999\n", limit),
        "huge exponent": "a: 1e" + "9" * 30,
        "many infinities": _fill("- .inf\n", limit),
        "many duplicate keys": _fill("a: 1\n", limit),
        "many tags": _fill("- !!python/object:os.system x\n", limit),
        "unclosed flow at the end": _fill("1, ", limit - 2, head="[", tail=""),
    }


def cases() -> dict[str, tuple[str, str]]:
    """name -> (target, text)."""
    out: dict[str, tuple[str, str]] = {}
    for name, text in documents(SCENARIO_LIMIT).items():
        out[f"scenario file: {name}"] = ("scenario", text)
    for name, text in documents(ASSUMPTIONS_LIMIT).items():
        out[f"assumption set: {name}"] = ("assumptions", text)
    from model import load_catalog

    export = load_catalog().to_yaml()
    out["assumption set: the shipped set (valid, for scale)"] = ("assumptions", export)
    out["assumption set: the shipped set padded with comments"] = (
        "assumptions", export + _fill("# padding\n", ASSUMPTIONS_LIMIT - len(export)))
    for value in ("9" * LINK_LIMIT, "1e" + "9" * (LINK_LIMIT - 2),
                  ",".join(["copywriter"] * (LINK_LIMIT // 11))):
        out[f"link parameter: {value[:12]}... ({len(value):,} characters)"] = ("link", value)
    return out


def run_case(target: str, text: str):
    if target == "scenario":
        from model import ScenarioError
        from storage import read_scenario_file

        try:
            read_scenario_file(text.encode("utf-8"))
            return "read"
        except ScenarioError as error:
            return str(error.problems[0])[:70]
    if target == "assumptions":
        from model.assumptions import AssumptionError, import_yaml
        from ui.assumption_texts import refusal_text
        from ui.state import default_catalog  # noqa: F401 - as the page: the shipped catalog is loaded

        try:
            import_yaml(text, origin="upload.yaml")
            return "read"
        except AssumptionError as error:
            return refusal_text(error, "en")[:70]
    from model import Scenario

    scenario = Scenario.from_query_params({"budget_sek": text, "team": text, "team_size": text})
    return (str(scenario.notes[0]) if scenario.notes else "read")[:70]


def measure_in_this_process(name: str, pure: bool = False) -> dict:
    target, text = cases()[name]
    from model import load_catalog

    if pure:
        import model.yamlsafe

        model.yamlsafe._CLoader = None
    load_catalog()  # imports and data loaded before measuring
    run_case(target, text)  # warm
    times = []
    for _ in range(3):
        start = time.perf_counter()
        answer = run_case(target, text)
        times.append(time.perf_counter() - start)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    run_case(target, text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss
    return {"name": name, "bytes": len(text.encode("utf-8")), "seconds": min(times),
            "traced_mb": peak / 1e6, "rss_growth_mb": rss_growth / 1024, "answer": answer}


def measure(name: str, pure: bool = False) -> dict:
    """One case in a fresh process (so that one case's peak memory is not another's)."""
    done = subprocess.run([sys.executable, __file__, "--case", name, *(["--pure"] if pure else [])],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout)


def fuzz_targets() -> dict:
    """target -> (the strategies of its fuzz test, the work of one case): the same cases as the fuzz
    tests (both from bench/fuzz_cases.py), read and answered as the pages would, not checked."""
    from hypothesis import strategies as st

    from bench import fuzz_cases as cases
    from model import Scenario, ScenarioError
    from model.assumptions import AssumptionError
    from model.yamlsafe import dump_text
    from ui.assumption_texts import refusal_text
    from ui.problems import error_lines, problem_text

    def answer(outcome):
        """What a page shows of an outcome, in every language."""
        for lang in ("en", "sv"):
            if isinstance(outcome, ScenarioError):
                error_lines(outcome, lang)
            elif isinstance(outcome, AssumptionError):
                refusal_text(outcome, lang)
            elif isinstance(outcome, Scenario):
                for note in outcome.notes:
                    problem_text(note, lang)
        return outcome

    def scenario_files_with_hostile_snippets(snippet, at, alone):
        answer(cases.scenario_outcome(snippet if alone else cases.splice(cases.SCENARIO_TEXT, snippet, at)))

    def scenario_files_are_read_exactly_as_their_mapping(mapping, wrapped):
        answer(cases.scenario_outcome(cases.mapping_file(mapping, wrapped)))

    def scenario_files_of_random_bytes_and_text(data):
        answer(cases.scenario_outcome(data))

    def assumption_sets_read_as_the_catalog_reads_them(changes):
        answer(cases.assumptions_outcome(dump_text(cases.changed_document(changes))))

    def assumption_sets_with_hostile_snippets(snippet, at):
        answer(cases.assumptions_outcome(cases.splice(cases.MERGED_TEXT, snippet, at)))

    def assumption_sets_of_random_text(text):
        answer(cases.assumptions_outcome(text))

    def link_parameters_never_raise_and_give_a_valid_scenario(params):
        answer(Scenario.from_query_params(params))

    def link_parameters_of_any_shape_never_raise(params):
        answer(Scenario.from_query_params(params))

    hostile = st.sampled_from(cases.HOSTILE)
    change_lists = st.lists(cases.CHANGES, min_size=1, max_size=3)
    return {  # the strategies as in the fuzz tests' @given
        work.__name__: (strategies, work) for strategies, work in [
            ((hostile, st.integers(0, 10**6), st.booleans()), scenario_files_with_hostile_snippets),
            ((cases.MAPPINGS, st.booleans()), scenario_files_are_read_exactly_as_their_mapping),
            ((cases.RANDOM_FILES,), scenario_files_of_random_bytes_and_text),
            ((change_lists,), assumption_sets_read_as_the_catalog_reads_them),
            ((hostile, st.integers(0, 10**6)), assumption_sets_with_hostile_snippets),
            ((cases.RANDOM_TEXT,), assumption_sets_of_random_text),
            ((cases.PARAMS,), link_parameters_never_raise_and_give_a_valid_scenario),
            ((cases.ANY_PARAMS,), link_parameters_of_any_shape_never_raise),
        ]
    }


def fuzz_timings(examples: int) -> dict[str, tuple[int, int, float]]:
    """target -> (cases, cases slower than the target, slowest seconds)."""
    from hypothesis import HealthCheck, given, settings

    config = settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
    out: dict[str, tuple[int, int, float]] = {}
    for name, (strategies, work) in fuzz_targets().items():
        times: list[float] = []

        @functools.wraps(work)  # the same parameters, for @given
        def timed(*args, _work=work, _times=times, **kwargs):
            start = time.perf_counter()
            _work(*args, **kwargs)
            _times.append(time.perf_counter() - start)

        config(given(*strategies)(timed))()
        out[name] = (len(times), sum(t > TIME_TARGET_S for t in times), max(times))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--only", default="", help="run only the cases whose name holds this text")
    parser.add_argument("--no-fuzz", action="store_true", help="leave out the timing of the fuzz cases")
    parser.add_argument("--pure", action="store_true", help="PyYAML's Python parser instead of libyaml")
    parser.add_argument("--fuzz-examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "1000")))
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure_in_this_process(args.case, args.pure)))
        return 0
    failed = False
    print(f"{'case':<62} {'size':>9} {'time':>9} {'traced':>9} {'RSS +':>9}  answer")
    for name in cases():
        if args.only not in name:
            continue
        result = measure(name, args.pure)
        if "error" in result:
            failed = True
            print(f"FAIL {name}: {result['error']}")
            continue
        memory = max(result["traced_mb"], result["rss_growth_mb"])
        ok = result["seconds"] < TIME_TARGET_S and memory < MEMORY_TARGET_MB
        failed |= not ok
        print(f"{'PASS' if ok else 'FAIL'} {name:<57} {result['bytes'] / 1024:>6.0f} KB "
              f"{result['seconds']:>7.3f} s {result['traced_mb']:>6.1f} MB "
              f"{result['rss_growth_mb']:>6.1f} MB  {result['answer']}")
    if not args.no_fuzz:
        print(f"\nfuzz cases of bench/fuzz_cases.py, timed one by one "
              f"({args.fuzz_examples} per target):")
        for name, (count, slow, slowest) in fuzz_timings(args.fuzz_examples).items():
            failed |= slow > 0
            print(f"{'PASS' if not slow else 'FAIL'} {name:<62} {count:>5} cases, {slow} slower than "
                  f"{TIME_TARGET_S} s (slowest {slowest:.3f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
