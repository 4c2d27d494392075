"""The Swedish glossary (docs/glossary.md) and the one number style (ui/fmt.py), kept true:
every Swedish translation is checked for the words and patterns the glossary rules out, the
capability names against the glossary's table, and the number helpers against the style."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import streamlit

from model import load_catalog
from model.vocab import CAPABILITIES
from ui import fmt
from ui.catalogs import read
from ui.i18n import _

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"

# (pattern, what to write instead); matched case-insensitively against every Swedish msgstr.
FORBIDDEN: list[tuple[str, str]] = [
    (r"passform", "matchning (fit)"),
    (r"\bdatan\b", "data"),
    (r"\(råd ", "name the guidance, not '(råd 2)'"),
    (r"\bbära\b|\bbär\b|\bbärs\b", "står för / gör / ägs främst av (not a calque of 'carries')"),
    (r"\bmix(en|er|erna)?\b", "kombination(er)"),
    (r"p\.e\.|\bpp\b", "procentenheter, spelt out"),
    (r"\d%|\d %", "a no-break space between a number and %: '81\u00a0%'"),
    (r"\d \d{3}\b", "a no-break space between the digit groups: '1\u00a0500\u00a0000'"),
    (r"kr annonser", "annonsbudget 1 000 000 kr/månad"),
    (r"\bplats\b", "tjänst (a seat): 'Tjänst 1'"),
    (r"\bfynd\b", "iakttagelse(r) (findings)"),
    (r"influencer-management", "influencerarbete"),
    (r"\botäckt", "ej täckt / ogjort (uncovered)"),
    (r"fullt belastad", "full personalkostnad (fully loaded cost)"),
    (r"beläggning", "belastning (load, utilisation)"),
    (r"ladda ner\b", "ladda ned"),
    (r"[“]", "Swedish quotation marks: ”namn”"),
]


def _strings(message) -> list[str]:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [text for text in strings if text]


def _swedish() -> list:
    return [message for message in read("sv") if message.id and not getattr(message, "obsolete", False)]


@pytest.mark.parametrize(("pattern", "instead"), FORBIDDEN, ids=[pattern for pattern, _ in FORBIDDEN])
def test_swedish_catalog_keeps_to_the_glossary(pattern: str, instead: str) -> None:
    rule = re.compile(pattern, re.IGNORECASE)
    broken = [text for message in _swedish() for text in _strings(message) if rule.search(text)]
    assert not broken, f"write {instead}:\n" + "\n".join(broken)


def test_forbidden_patterns_catch_what_they_are_for() -> None:
    """Each pattern trips on the mistake it names and passes the glossary's own wording."""
    bad = {r"passform": "sämre passform", r"\bdatan\b": "samla in datan",
           r"\(råd ": "leda arbetet (råd 2)", r"\bbära\b|\bbär\b|\bbärs\b": "Ledningen bär 40 %",
           r"\bmix(en|er|erna)?\b": "de effektiva mixerna", r"p\.e\.|\bpp\b": "+4,2 p.e.",
           r"\d%|\d %": "81%", r"\d \d{3}\b": "1 500 000 kr", r"kr annonser": "1 000 kr annonser/månad",
           r"\bplats\b": "Plats 1", r"\bfynd\b": "Fynd", r"\botäckt": "Otäckt",
           r"[“]": "Sparade “x”"}
    good = ["Ledningen står för 40\u00a0% av strategin", "matchning 0,70", "Tjänst 1", "Iakttagelser",
            "annonsbudget 1\u00a0000\u00a0000 kr/månad", "+4,2 procentenheter", "Effektiva kombinationer",
            "bärande idé", "Sparade ”x”", "arbetsplatsen", "Ej täckt"]
    for pattern, text in bad.items():
        assert re.search(pattern, text, re.IGNORECASE), (pattern, text)
    for pattern, _instead in FORBIDDEN:
        for text in good:
            assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)


def _glossary_capabilities() -> dict[str, tuple[str, str]]:
    """id -> (English, Swedish) from the capability table in docs/glossary.md."""
    rows = {}
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] in CAPABILITIES:
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_capability_names_are_the_glossary_nouns() -> None:
    catalog = load_catalog()
    table = _glossary_capabilities()
    assert set(table) == set(CAPABILITIES)
    for cap in CAPABILITIES:
        english, swedish = table[cap]
        assert catalog.name(cap) == english, cap
        assert _("sv", catalog.name(cap)) == swedish, cap
    # nouns, never the verbs the source lists them by
    verbs = {"Lead", "Plan", "Create content", "Administer", "Leda", "Planera", "Skapa", "Administrera",
             "Annonsera", "Analysera"}
    assert not verbs & {name for pair in table.values() for name in pair}


# ---- the number helpers -------------------------------------------------------------------------
def test_points_spells_out_percentage_points_in_swedish() -> None:
    assert fmt.points(0.042, "en") == f"4{NBSP}pp"
    assert fmt.points(0.042, "sv", 1) == f"4,2{NBSP}procentenheter"
    assert fmt.points(0.01, "sv") == f"1{NBSP}procentenhet"
    assert fmt.points(-0.05, "sv") == f"-5{NBSP}procentenheter"


def test_points_signed_reads_as_a_change() -> None:
    assert fmt.points(0.0234, "en", 1, signed=True) == f"+2.3{NBSP}pp"
    assert fmt.points(-0.0234, "sv", 1, signed=True) == f"-2,3{NBSP}procentenheter"  # st.metric reads "-"
    assert fmt.points(0.0004, "en", 1, signed=True) == f"±0.0{NBSP}pp"
    assert fmt.points(-0.01, "sv", 0, signed=True) == f"-1{NBSP}procentenhet"


def test_money_is_kronor_below_a_million_and_mnkr_from_there() -> None:
    assert fmt.money(35_520, "sv") == f"35{NBSP}520{NBSP}kr" and fmt.money(35_520, "en") == f"SEK{NBSP}35,520"
    assert fmt.money(2_500_000, "sv") == f"2,5{NBSP}mnkr" and fmt.money(2_500_000, "en") == f"2.5{NBSP}MSEK"
    assert fmt.money(999_999, "sv") == f"999{NBSP}999{NBSP}kr"
    assert fmt.money(1_000_000, "sv") == f"1,0{NBSP}mnkr"


def test_slider_formats_follow_the_language() -> None:
    assert fmt.slider_format("en", "money") == f"SEK{NBSP}%,d"
    assert fmt.slider_format("sv", "money") == f"%'{NBSP},d{NBSP}kr"
    assert fmt.slider_format("en", "number") == "%,d"
    assert fmt.slider_format("sv", "number") == f"%'{NBSP},d"
    assert fmt.slider_format("en", "number", 1) == "%.1f"
    assert fmt.slider_format("sv", "number", 1) == "localized"  # sprintf.js has no decimal comma
    assert fmt.slider_format("sv", "percent") == "percent"
    assert fmt.slider_format("en", "decimal") == "%g"  # 4, 4.5, 2.15: only the decimals it has
    assert fmt.slider_format("sv", "decimal") == "localized"
    assert fmt.slider_format("en", "percent100") == "%g%%"
    assert fmt.slider_format("sv", "percent100") == f"%g{NBSP}%%"
    with pytest.raises(ValueError):
        fmt.slider_format("sv", "weeks")


def _sprintf_js() -> Path | None:
    found = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("sprintfjs.*.js"))
    return found[0] if found else None


@pytest.mark.skipif(shutil.which("node") is None or _sprintf_js() is None,
                    reason="needs node and Streamlit's bundled sprintf.js")
def test_slider_formats_render_in_the_browser_as_fmt_writes_them(tmp_path: Path) -> None:
    """Streamlit's own sprintf.js (what the browser runs) renders the money and number formats
    exactly as ui/fmt.py writes the same values."""
    source = _sprintf_js().read_text(encoding="utf-8")
    source = re.sub(r'^import"[^"]*";', "", source)
    source = re.sub(r'import\{n as (\w+)\}from"[^"]*";', r"const \1=(x)=>x===null||x===undefined;", source)
    source = re.sub(r"export\{(\w+) as t\};\s*$", r"module.exports=\1;", source)
    (tmp_path / "sprintf.cjs").write_text(source, encoding="utf-8")
    cases = [(lang, kind, value) for lang in ("en", "sv") for kind in ("money", "number")
             for value in (0, 950, 1_500_000)]
    script = "const s=require('./sprintf.cjs');const cases=JSON.parse(process.argv[1]);" \
             "console.log(JSON.stringify(cases.map(([f,v])=>s(f,v))));"
    import json

    argument = json.dumps([[fmt.slider_format(lang, kind), value] for lang, kind, value in cases])
    out = subprocess.run(["node", "-e", script, argument], cwd=tmp_path, capture_output=True, text=True,
                         check=True, timeout=60)
    rendered = json.loads(out.stdout)
    expected = [fmt.sek(value, lang) if kind == "money" else fmt.number(value, lang)
                for lang, kind, value in cases]
    assert rendered == expected
    # MSEK and hours in English with only the decimals they have; a 0..100 share as `pct` writes it
    shares = [("en", 30), ("sv", 30), ("sv", 5), ("en", 100)]
    argument = json.dumps([[fmt.slider_format("en", "decimal"), value] for value in (4, 4.5, 2.15, 0)]
                          + [[fmt.slider_format(lang, "percent100"), value] for lang, value in shares])
    out = subprocess.run(["node", "-e", script, argument], cwd=tmp_path, capture_output=True, text=True,
                         check=True, timeout=60)
    assert json.loads(out.stdout) == ["4", "4.5", "2.15", "0"] + [fmt.pct(value / 100, lang)
                                                                  for lang, value in shares]


def test_share_axes_are_written_in_the_language() -> None:
    from model import Scenario, simulate
    from ui.charts import coverage_chart, pct_ticks

    assert pct_ticks("sv")["ticktext"] == ["0\u00a0%", "25\u00a0%", "50\u00a0%", "75\u00a0%", "100\u00a0%"]
    assert pct_ticks("en", 2.0)["ticktext"][-1] == "200%"
    catalog = load_catalog()
    figure = coverage_chart(simulate(Scenario(team_size=2, budget_sek=1_000_000), catalog), catalog, "sv")
    assert "50\u00a0%" in figure.layout.xaxis.ticktext and figure.layout.xaxis.tickformat is None
