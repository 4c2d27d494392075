"""`python -m model`: the plan of a scenario given as flags, a preset or a YAML file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model import Scenario, load_catalog, simulate
from model.scenario import FIELD_SPECS
from tests.conftest import entry
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "model", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=60, encoding="utf-8")


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_usage_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


# ---- through a real subprocess -------------------------------------------------------------------
def test_default_scenario_as_text():
    result = cli()
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for heading in ("Demand and coverage", "Assignments", "People", "Cost per year", "Findings"):
        assert heading in text
    assert "Social Media Manager" in text and "Advice:" in text and "[WARNING]" in text
    assert "1,200,000" in text and result.stderr == ""


def test_flags_as_json_equal_simulate():
    result = cli("--team-size", "3", "--budget-sek", "2500000", "--channels", "5", "--json")
    assert result.returncode == 0, result.stderr
    expected = simulate(Scenario(team_size=3, budget_sek=2_500_000, channels=5), load_catalog())
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_dict()))


def test_preset_with_override_in_swedish():
    result = cli("--preset", "solo_manager", "--channels", "5", "--lang", "sv")
    assert result.returncode == 0, result.stderr
    assert "Behov och täckning" in result.stdout and "Iakttagelser" in result.stdout
    assert "5 kanaler" in result.stdout and "1\u00a0200\u00a0000\u00a0kr" in result.stdout


def test_list_presets():
    result = cli("--list-presets")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(load_catalog().presets)


def test_file_round_trip(tmp_path):
    scenario = Scenario(team=("social_media_manager", "copywriter"), budget_sek=1_800_000,
                        outsource=("analyze",))
    path = tmp_path / "scenario.yaml"
    path.write_text(scenario.to_yaml(), encoding="utf-8")
    result = cli("--file", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["scenario"] == scenario.to_dict()


@pytest.mark.parametrize(("args", "words"), [
    (("--budget-sek", "-5"), ("--budget-sek: expected a number from 0 to", "got -5")),
    (("--team", "astronaut"), ("--team", "unknown id 'astronaut'")),
    (("--preset", "nope"), ("unknown preset 'nope'", "solo_manager")),
    (("--bogus",), ("unrecognized arguments: --bogus",)),
    (("--lang", "fi"), ("--lang", "invalid choice")),
])
def test_bad_arguments_print_one_line_and_exit_2(args, words):
    result = cli(*args)
    assert_usage_error(result.returncode, result.stdout, result.stderr, *words)


def test_bad_file_prints_one_line_and_exits_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("scenario:\n  team_size: 99\n  channels: many\n", encoding="utf-8")
    result = cli("--file", str(path))
    assert_usage_error(result.returncode, result.stdout, result.stderr, str(path),
                       "team_size: expected a number from 0 to 30, got 99", "channels: expected a number")


# ---- in-process, for the many small cases -------------------------------------------------------------
def _json(capsys, *args):
    code, out, err = run_main(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)["scenario"]


def test_every_field_has_a_flag(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    help_text = capsys.readouterr().out
    for spec in FIELD_SPECS:
        assert "--" + spec.name.replace("_", "-") in help_text


def test_flags_override_the_preset(capsys):
    preset = load_catalog().presets["small_team_agency"].scenario
    got = _json(capsys, "--preset", "small_team_agency", "--channels", "7", "--video-share", "0.1")
    assert got == preset.replace(channels=7, video_share=0.1).to_dict()


def test_team_size_flag_replaces_the_presets_team(capsys):
    got = _json(capsys, "--preset", "small_team_agency", "--team-size", "4")
    assert got["team"] == [] and got["team_size"] == 4


def test_repeatable_and_comma_separated_lists(capsys):
    got = _json(capsys, "--team", "copywriter", "--team", "web_analyst,data_manager",
                "--outsource", "create", "--outsource", "analyze", "--insource", "advertise")
    assert got["team"] == ["copywriter", "web_analyst", "data_manager"] and got["team_size"] == 3
    assert got["outsource"] == ["create", "analyze"] and got["insource"] == ["advertise"]


def test_none_clears_a_list(capsys):
    got = _json(capsys, "--preset", "fully_outsourced", "--team", "none", "--team-size", "2")
    assert got["team"] == [] and got["team_size"] == 2


def test_flags_override_the_file(capsys, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(Scenario(budget_sek=900_000, channels=2).to_yaml(), encoding="utf-8")
    got = _json(capsys, "--file", str(path), "--channels", "6")
    assert (got["budget_sek"], got["channels"]) == (900_000, 6)


@pytest.mark.parametrize(("args", "words"), [
    (("--team-size", "2.5"), ("--team-size", "whole number")),
    (("--video-share", "nan"), ("--video-share", "expected a number")),
    (("--budget-sek", "1e99"), ("--budget-sek", "expected a number from 0 to")),
    (("--outsource", "marketing"), ("--outsource", "unknown id 'marketing'")),
    (("--preset", "solo_manager", "--file", "x.yaml"), ("not allowed with",)),
    (("--channels",), ("--channels", "expected one argument")),
    (("--team-size", "1", "--channels", "x", "--org-size", "0"), ("--channels", "--org-size")),
])
def test_more_bad_arguments(capsys, args, words):
    assert_usage_error(*run_main(capsys, *args), *words)


@pytest.mark.parametrize("content", [b"team_size: [1", b"- 1\n- 2\n", b"\xff\xfe\x00\x00garbage",
                                     b"colour: red\n"])
def test_bad_files(capsys, tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    assert_usage_error(*run_main(capsys, "--file", str(path)), str(path))


def test_missing_file(capsys, tmp_path):
    assert_usage_error(*run_main(capsys, "--file", str(tmp_path / "gone.yaml")), "cannot read")


def test_broken_data_folder(capsys, raw_catalog, data_dir):
    entry(raw_catalog, "roles", "copywriter")["fit"]["cooking"] = 1
    folder = data_dir(raw_catalog)
    assert_usage_error(*run_main(capsys, "--data", str(folder)), f"{folder}/roles.yaml",
                       "id=copywriter", "fit.cooking")


def test_other_data_folder(capsys, raw_catalog, data_dir):
    entry(raw_catalog, "roles", "social_media_manager")["name"] = "Social Wizard"
    code, out, _ = run_main(capsys, "--data", str(data_dir(raw_catalog)))
    assert code == 0 and "Social Wizard" in out


@pytest.mark.parametrize("preset", list(load_catalog().presets))
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_preset_renders(capsys, preset, lang):
    code, out, err = run_main(capsys, "--preset", preset, "--lang", lang)
    assert code == 0 and err == "" and "{" not in out


def test_scenario_with_nothing_to_do(capsys):
    code, out, _ = run_main(capsys, "--team-size", "0", "--budget-sek", "0", "--channels", "0",
                            "--posts-per-week", "0", "--inbound-per-week", "0",
                            "--ad-spend-sek-month", "0", "--marketing-lead-hours", "0")
    assert code == 0 and "Findings" in out
