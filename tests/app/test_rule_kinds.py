"""A rule kind is one declaration (model/rules.py): its parameters with unit and label key, what it
steers in the programme, whether the budget matters to it, whether it names an owner, and the
placeholders of its findings and of a rule's summary. Everything the pages show about a rule
follows from that declaration and the rule's texts in data/rules.yaml.

A kind registered here, in a temporary registry, with a rule in a temporary catalog shows on the
Capabilities page (its summary, in both languages), on the Assumptions page (its parameters with
label and unit) and on the Simulator (its finding), with no raw template and no raw id anywhere.
The rule's texts are English msgids, as in data/rules.yaml; their Swedish is added to the Swedish
catalog for the test, as a translator adds it to locale/sv/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import functools
import re

import pytest

from model import Scenario, build_catalog, load_catalog, simulate
from model.assumptions import PARAM_LABELS, TABLE_IDS, UNIT_CODES, assumption_tables
from model.engine import assemble, compute_demand, solve
from model.rules import (
    FIELD,
    KINDS,
    POLICY_FIELDS,
    REQUIRED,
    Hit,
    Param,
    Policy,
    budget_matters,
    build_policy,
    check_params,
    register,
    summary_values,
)
from model.scenario import SPECS
from model.tradeoffs import owned_in_house
from model.vocab import CAPABILITIES, LANGUAGES, PROVIDERS, ROLES
from tests.apptest_support import new_app, run
from ui.findings import finding_text
from ui.fmt import hours, names_list, pct
from ui.guidance import in_house_only, rule_summary, rules_for
from ui.i18n import _, translations
from ui.state import CATALOG_KEY

CATALOG = load_catalog()
SHIPPED_KINDS = tuple(sorted(KINDS))
NAME = "test_share_by_roles"
LABEL = "test_applies_from"  # a label key no shipped kind uses: its texts are added for the test
LABEL_TEXT = "applies from"
RULE = {
    "id": "analysis_by_analysts", "kind": NAME, "guidance": 8, "severity": "warning",
    "params": {"capability": "analyze", "roles": ["web_analyst", "data_manager"], "min_share": 0.9,
               "from_hours": 2},
    "summary": "{roles} do at least {min_share} of {capability} once it needs more than {from_hours} h/week.",
    "message": "Only {share} of {capability} is done by {roles}.",
    "advice": "Hire an analyst.",
}
SWEDISH = {  # the rule's texts and the label in Swedish, as the translator would give them
    RULE["summary"]: "{roles} gör minst {min_share} av {capability} när det behövs mer än {from_hours} "
                     "h/vecka.",
    RULE["message"]: "Bara {share} av {capability} görs av {roles}.",
    RULE["advice"]: "Anställ en analytiker.",
    LABEL_TEXT: "gäller från",
}


def name(item: str, lang: str) -> str:
    return _(lang, CATALOG.name(item))


def common(item: str, lang: str) -> str:
    """A capability's name inside a sentence: a common noun ("of analysis")."""
    text = name(item, lang)
    return text[:1].lower() + text[1:]


def expected_summary(lang: str) -> str:
    analyst, manager = (name(item, lang) for item in ("web_analyst", "data_manager"))
    analysis = common("analyze", lang)
    if lang == "sv":
        return (f"{analyst} eller {manager} gör minst {pct(0.9, lang)} av {analysis} när det behövs mer "
                f"än {hours(2, lang)} h/vecka.")
    return (f"{analyst} or {manager} do at least {pct(0.9, lang)} of {analysis} once it needs more than "
            f"{hours(2, lang)} h/week.")


def expected_message(lang: str) -> str:
    roles = names_list([name("web_analyst", lang), name("data_manager", lang)], lang)
    return _(lang, RULE["message"], share=pct(0, lang), capability=common("analyze", lang), roles=roles)


@pytest.fixture
def kinds():
    """A temporary registry: the kinds registered in a test are gone after it."""
    before = dict(KINDS)
    yield KINDS
    KINDS.clear()
    KINDS.update(before)


@pytest.fixture
def new_kind(kinds, monkeypatch):
    """A kind of the test's own: people in `roles` do at least min_share of a capability's demand,
    once that demand is above from_hours (a label key with texts of its own)."""
    monkeypatch.setitem(PARAM_LABELS, LABEL, LABEL_TEXT)
    for english, swedish in SWEDISH.items():
        monkeypatch.setitem(translations("sv")._catalog, english, swedish)

    @register(NAME,
              params={"capability": Param("capability"), "roles": Param("roles"),
                      "min_share": Param("fraction", 0.5, unit="share", label="min_share"),
                      "from_hours": Param("hours", 0.0, unit="h_week", label=LABEL)},
              reports=("capability", "share", "roles"))
    def check(params, ctx):
        """Reported when people in `roles` do less than min_share of the capability's demand, once
        that demand is above from_hours."""
        cap = params["capability"]
        demand = ctx.demand[cap]
        if demand <= params["from_hours"]:
            return []
        done = sum(line.hours for line in ctx.assignments
                   if line.capability == cap and line.provider in params["roles"])
        if done / demand + 1e-9 >= params["min_share"]:
            return []
        return [Hit(capability=cap, values={"capability": ("name", cap), "share": ("pct", done / demand),
                                            "roles": ("names", params["roles"])})]

    return KINDS[NAME]


@pytest.fixture
def world(new_kind, raw_catalog):
    """The shipped catalog with one rule of the new kind."""
    raw_catalog["rules"]["rules"].append(RULE)
    return build_catalog(raw_catalog, origin="edited")


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", str(text))


# ---- a new kind, on every page ---------------------------------------------------------------------
def test_the_new_kind_in_the_model(world):
    rule = next(rule for rule in world.rules if rule.id == RULE["id"])
    assert rule.summary == RULE["summary"] and rules_for(world, "analyze")[-1] == rule
    for lang in LANGUAGES:
        assert rule_summary(rule, world, lang) == expected_summary(lang)
    plan = simulate(Scenario(), world)
    [finding] = [finding for finding in plan.findings if finding.rule_id == RULE["id"]]
    assert finding.values == {"capability": ("name", "analyze"), "share": ("pct", 0.0),
                              "roles": ("names", ("web_analyst", "data_manager"))}
    assert finding_text(finding, world, "en") == (
        f"Only {pct(0, 'en')} of {common('analyze', 'en')} is done by Web Analyst and Data Manager.",
        "Hire an analyst.")
    assert finding_text(finding, world, "sv") == (expected_message("sv"), "Anställ en analytiker.")
    assert expected_message("sv").startswith(f"Bara {pct(0, 'sv')} av ")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_capabilities_page_shows_the_new_rule_summary(world, lang):
    at = run(new_app({"lang": lang}, page="capabilities"))
    at.session_state[CATALOG_KEY] = world
    run(at)
    texts = [str(element.value) for element in (*at.markdown, *at.caption)]
    [line] = [text for text in texts if expected_summary(lang) in text]
    assert ("bryts nu" if lang == "sv" else "broken now") in line  # the default plan breaks it
    assert _(lang, RULE["advice"]) in line
    assert not [text for text in texts if "{" in text or "}" in text]  # no raw template anywhere
    for rule in world.rules:  # and every other rule is its summary too
        assert any(rule_summary(rule, world, lang) in text for text in texts), rule.id


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_assumptions_page_shows_the_new_rule_parameters(world, lang):
    at = run(new_app({"lang": lang, "team": "social_media_manager"}, page="assumptions"))
    at.session_state[CATALOG_KEY] = world
    run(at)
    frame = at.data_editor[TABLE_IDS.index("rules")].value
    rows = frame[frame["id"].str.startswith(f"{RULE['id']}.")]
    assert list(rows["id"]) == [f"{RULE['id']}.min_share", f"{RULE['id']}.from_hours"]
    assert list(rows["value"]) == [0.9, 2.0]
    assert list(rows["name"]) == [f"Analysis by analysts · {_(lang, PARAM_LABELS['min_share'])}",
                                  f"Analysis by analysts · {_(lang, LABEL_TEXT)}"]
    # every parameter of every rule is named by a declared label in the language, in a unit
    labels = {_(lang, text) for text in PARAM_LABELS.values()}
    for _index, row in frame.iterrows():
        assert row["name"].split(" · ", 1)[1] in labels, row["id"]
        assert row["unit"].strip() and "{" not in row["unit"], row["id"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_simulator_shows_the_new_rule_finding(world, lang):
    at = run(new_app({"lang": lang}))
    at.session_state[CATALOG_KEY] = world
    run(at)
    [finding] = [finding for finding in simulate(Scenario(), world).findings if finding.rule_id == RULE["id"]]
    boxes = [unescaped(box.value) for box in (*at.error, *at.warning, *at.info)]
    message, advice = finding_text(finding, world, lang)
    assert message == expected_message(lang)
    [box] = [box for box in boxes if message in box]
    assert advice == _(lang, RULE["advice"]) and advice in box and name("analyze", lang) in box
    assert not [box for box in boxes if "{" in box or "}" in box]


# ---- every kind is declared complete -------------------------------------------------------------
SAMPLES = {"fraction": 0.5, "hours": 2.0, "number": 1.0, "count": 3, "penalty": 0.1, "flag": False,
           "capability": CAPABILITIES[0], "capability_or_all": "all", "capabilities": list(CAPABILITIES[:2]),
           "roles": list(ROLES[:2]), "providers": list(PROVIDERS[:2]), "driver": "video_share",
           "driver_or_none": None}


def params_of(kind) -> list[dict]:
    """The parameters of the rules in data using the kind, or one set of sample values."""
    used = [rule.params for rule in CATALOG.rules if rule.kind == kind.name]
    return used or [check_params(kind, {key: SAMPLES[param.type] for key, param in kind.params.items()
                                        if param.default is REQUIRED})]


@pytest.mark.parametrize("name", SHIPPED_KINDS)
def test_every_kind_is_used_in_data_or_declared_complete(name):
    kind = KINDS[name]
    used = [rule for rule in CATALOG.rules if rule.kind == name]
    numbers = {key: param for key, param in kind.params.items() if param.numeric}
    units = {key for key, param in numbers.items() if param.unit in UNIT_CODES or param.unit == FIELD}
    labels = {key for key, param in numbers.items() if param.label in PARAM_LABELS}
    fills = all(set(summary_values(kind, params)) == set(kind.summary_placeholders)
                for params in params_of(kind))
    complete = units == labels == set(numbers) and fills
    assert used or complete, f"{name}: neither used in data/rules.yaml nor declared complete"
    # the Assumptions page shows the numbers of every kind in use, so those need units and labels too
    assert units == labels == set(numbers), name
    assert fills, name
    for rule in used:
        for lang in LANGUAGES:
            text = rule_summary(rule, CATALOG, lang)
            assert text and "{" not in text and "}" not in text, (rule.id, lang, text)


# ---- the declarations tell the truth --------------------------------------------------------------
SCENARIOS = (
    Scenario(),
    Scenario(team_size=0, budget_sek=0),
    Scenario(team=("social_media_manager",), channels=1, posts_per_week=2, inbound_per_week=10),
    Scenario(team=("social_media_manager", "content_manager", "marketing_coordinator"), video_share=0.6,
             influencers=3, ad_spend_sek_month=200_000, org_size=400, budget_sek=900_000),
    Scenario(team_size=4, budget_sek=6_000_000, influencers=5, inbound_per_week=3_000),
)


def _shaped(rule, scenario) -> Policy:
    demand = {cap: sum(pools.values()) for cap, pools in compute_demand(scenario, CATALOG).items()}
    return build_policy([rule], scenario, demand, CATALOG)


@functools.cache
def _solved(index: int):
    return solve(SCENARIOS[index], CATALOG)


def _plain(policy: Policy) -> dict:
    """A policy without its who-functions, to compare."""
    return {"in_house_only": sorted(policy.in_house_only),
            "coordination_per_external_hour": policy.coordination_per_external_hour,
            "penalties": [(p.capability, p.per_hour, p.pool) for p in policy.penalties],
            "share_floors": [(f.capability, sorted(f.roles or ()), f.min_share) for f in policy.share_floors],
            "bonuses": [(b.capability, b.per_hour, b.up_to) for b in policy.bonuses],
            "spread": policy.spread}


@pytest.mark.parametrize("rule_id", [rule.id for rule in CATALOG.rules])
def test_a_rule_steers_what_its_kind_declares_and_nothing_else(rule_id):
    rule = next(rule for rule in CATALOG.rules if rule.id == rule_id)
    empty, steered = _plain(Policy()), set()
    for scenario in SCENARIOS:
        shaped = _plain(_shaped(rule, scenario))
        steered |= {name for name in POLICY_FIELDS if shaped[name] != empty[name]}
    assert steered == KINDS[rule.kind].steers


@pytest.mark.parametrize("rule_id", [rule.id for rule in CATALOG.rules])
def test_what_a_kind_says_of_the_budget_holds(rule_id):
    """A rule the budget does not matter to asks the same of the programme, and finds the same in
    the same solved plan, at any budget."""
    rule = next(rule for rule in CATALOG.rules if rule.id == rule_id)
    for index, scenario in enumerate(SCENARIOS):
        if not budget_matters(rule, "shape"):
            policies = {repr(_plain(_shaped(rule, scenario.replace(budget_sek=budget))))
                        for budget in (0, 1_000_000, 20_000_000)}
            assert len(policies) == 1, scenario
        if not budget_matters(rule, "check"):
            seen = {repr([(f.capability, f.seat, f.severity, f.values) for f in assemble(
                scenario.replace(budget_sek=budget), CATALOG, _solved(index), limits=False).findings
                if f.rule_id == rule_id]) for budget in (0, scenario.budget_sek, 20_000_000)}
            assert len(seen) == 1, scenario


def test_the_budget_matters_where_a_kind_or_a_parameter_says_so(raw_catalog):
    rules = {rule.id: rule for rule in CATALOG.rules}
    assert budget_matters(rules["in_house_over_budget"], "check")
    assert not budget_matters(rules["in_house_over_budget"], "shape")
    assert not budget_matters(rules["ads_by_specialist"], "shape")
    # a specialist rule that applies above a budget: its programme depends on the budget
    ads = next(rule for rule in raw_catalog["rules"]["rules"] if rule["id"] == "ads_by_specialist")
    ads["params"].update(active_if="budget_sek", above=1_000_000)
    changed = next(rule for rule in build_catalog(raw_catalog).rules if rule.id == "ads_by_specialist")
    assert budget_matters(changed, "shape") and budget_matters(changed, "check")


def test_owners_and_what_is_kept_in_house_come_from_the_declarations(kinds, raw_catalog):
    assert owned_in_house(CATALOG) == {"lead", "strategy"}
    assert [cap for cap in CAPABILITIES if in_house_only(CATALOG, cap)] == ["lead"]
    # a kind of the test's own that owns and keeps a capability in-house
    @register("test_keep", params={"capability": Param("capability")}, reports=(), owner=True,
              steers=("in_house_only",),
              shape=lambda params, policy, ctx: policy.in_house_only.add(params["capability"]))
    def check(params, ctx):
        """Keeps the capability in-house."""
        return []

    raw_catalog["rules"]["rules"].append({
        "id": "keep_analysis", "kind": "test_keep", "severity": "info", "params": {"capability": "analyze"},
        "summary": "{capability} stays in-house.", "message": "-", "advice": "-"})
    world = build_catalog(raw_catalog)
    assert owned_in_house(world) == {"lead", "strategy", "analyze"}
    assert in_house_only(world, "analyze")
    assert not any(line.provider_type != "in_house" for line in simulate(Scenario(), world).assignments
                   if line.capability == "analyze")


@pytest.mark.parametrize(("params", "extra", "problem"), [
    ({"x": Param("fraction", unit="share")}, {}, "a number needs a label key"),
    ({"x": Param("fraction", label="x")}, {}, "unit None is not one of"),
    ({"x": Param("hours", unit="minutes", label="x")}, {}, "unit 'minutes' is not one of"),
    ({"x": Param("number", unit=FIELD, label="x")}, {}, "needs `of` naming a scenario-field parameter"),
    ({"x": Param("roles", label="x")}, {}, "only a number has a unit, a label"),
    ({"x": ("count", 3)}, {}, "expected a Param"),
    ({}, {"steers": ("penalties",)}, "a shape and what it steers go together"),
    ({}, {"steers": ("budget",), "shape": lambda *_: None}, "not a Policy field"),
    ({}, {"budget": ("always",)}, "budget is a set of check, shape"),
    ({}, {"owner": True}, "an owner kind names the capability"),
])
def test_an_incomplete_declaration_is_refused_when_it_is_registered(kinds, params, extra, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        register("test_incomplete", params=params, reports=(), **extra)(lambda p, c: [])
    assert "test_incomplete" not in KINDS


def test_every_label_text_is_a_label_some_kind_declares():
    declared = {param.label for name in SHIPPED_KINDS for param in KINDS[name].params.values() if param.label}
    assert set(PARAM_LABELS) == declared


def test_the_assumptions_table_reads_bounds_and_units_from_the_declarations():
    cells = assumption_tables(CATALOG)["rules"].cells
    over = cells[("over_capacity.critical_above", "value")]
    assert (over.unit, over.high) == ("utilisation", 10.0)
    video = cells[("video_needs_video_people.above", "value")]
    assert (video.unit, video.kind, video.high) == ("share", "fraction", 1.0)
    ads = cells[("ads_by_specialist.above", "value")]
    assert (ads.unit, ads.kind, ads.high) == ("sek_month", "number", SPECS["ad_spend_sek_month"].high)
    size = cells[("community_not_on_coordinator.unless_org_size_below", "value")]
    assert (size.unit, size.kind, size.high) == ("employees", "count", SPECS["org_size"].high)
