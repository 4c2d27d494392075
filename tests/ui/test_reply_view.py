"""The reply-time promise in words (ui/reply_view.py): what it needs, what a plan delivers, the
Compare line and the report section, in English and Swedish."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from model import Scenario, build_catalog, load_catalog, reply_delivery, simulate
from ui import reply_view as view
from ui.fmt import sek

CATALOG = load_catalog()
FAST = dict(reply_hours=1, reply_window="always")  # a reply within an hour, every day 07-23


def _delivery(catalog=CATALOG, **fields):
    return reply_delivery(simulate(Scenario(**fields), catalog), catalog)


@pytest.mark.parametrize(("value", "en", "sv"), [
    (6.0, "6 h", "6 h"), (2.57, "2.6 h", "2,6 h"), (27.23, "27 h", "27 h"), (47.9, "48 h", "48 h"),
    (48.0, "2.0 days", "2,0"), (75.23, "3.1 days", "3,1")])
def test_waits_are_hours_under_two_days_and_days_from_there(value, en, sv):
    assert view.wait_text(value, "en") == en
    assert view.wait_text(value, "sv").startswith(sv)


def test_a_fast_promise_needs_hours_money_and_a_rota():
    delivery = _delivery(team_size=1, **FAST)
    need = delivery.need
    assert need.checks == 112 and need.rota_people == 3
    text = view.need_text(need, CATALOG, "en")
    assert text.startswith("A reply within 1 h during evenings and weekends (112 h a week) means 112 "
                           "check-ins a week.")
    assert f"That is {need.extra_hours:.1f} h/week more community work than a reply within 24 h during " \
           "weekday office hours" in text
    cost = sek(round(need.cost_sek_year, -3), "en")
    assert f"about {cost} a year at the cheapest (Customer Support)" in text
    assert "a rota of at least 3 people" in text and "Customer service outsourcer" in text
    assert "17,8" in view.need_text(need, CATALOG, "sv")


def test_the_baseline_promise_needs_nothing_more():
    need = _delivery(team_size=3, budget_sek=2_500_000).need
    text = view.need_text(need, CATALOG, "en")
    assert "means 5 check-ins a week" in text and "no extra hours" in text
    assert "rota" not in text and "SEK" not in text


def test_a_kept_promise_says_so():
    delivery = _delivery(team_size=3, budget_sek=2_500_000)  # 24 h in office hours, enough hours
    assert delivery.meets and delivery.answered_share == 1
    text = view.delivery_text(delivery, CATALOG, "en")
    assert text == ("With this plan, replies take up to 9 h during weekday office hours, up to 24 h "
                    "overnight and 3.0 days over a weekend. "
                    "The promise is kept: a reply within 24 h during weekday office hours.")
    assert view.summary_line(delivery, "en") == ("Replies: up to 9 h in open hours, 3.0 days over a weekend "
                                                 "(promise: 24 h)")
    assert "3,0" in view.summary_line(delivery, "sv")


def test_office_hours_do_not_hold_evenings_and_weekends():
    delivery = _delivery(team_size=1, **FAST)
    assert not delivery.meets and delivery.held_window == "office" and delivery.rota_people == 1
    text = view.delivery_text(delivery, CATALOG, "en")
    assert text.startswith("With this plan, replies take up to 1 h during weekday office hours, up to 16 h "
                           "overnight and 2.7 days over a weekend.")
    assert ("The promised hours (evenings and weekends) are not held, only weekday office hours: the team "
            "has 1 person doing community work and the hours need a rota of 3") in text
    assert "is kept" not in text
    assert view.summary_line(delivery, "en").endswith("(promise: 1 h)")


def test_an_outside_provider_holds_the_window():
    delivery = _delivery(team_size=1, budget_sek=3_000_000, reply_hours=4, reply_window="extended",
                         outsource=("community",))
    assert delivery.window_provider and delivery.meets
    text = view.delivery_text(delivery, CATALOG, "en")
    assert f"{CATALOG.name(delivery.window_provider)} holds the promised hours." in text
    assert "The promise is kept: a reply within 4 h during extended weekdays." in text


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_backlog_when_the_hours_are_short(lang):
    delivery = _delivery(team_size=1, budget_sek=800_000)
    assert delivery.answered_share == pytest.approx(0.88, abs=0.01)
    text = view.delivery_text(delivery, CATALOG, lang)
    share = "88%" if lang == "en" else "88\u00a0%"
    assert view._(lang, "About {share} of messages get an answer; the rest wait in a backlog.",
                  share=share) in text
    assert view.summary_line(delivery, lang).endswith(
        view._(lang, "{line}; {share} of messages answered", line="", share=share))
    if lang == "en":
        assert "The promise of a reply within 24 h is not kept: the community hours allow a check of the " \
               "inbox only every 27 h." in text


def test_nothing_answered_without_community_hours():
    delivery = _delivery(team_size=0, budget_sek=0)
    assert delivery.open_wait is None
    assert view.delivery_text(delivery, CATALOG, "en").startswith("With this plan, messages are not answered")
    assert view.summary_line(delivery, "en") == "Replies: none (promise: 24 h)"


def test_the_report_section_escapes_text_from_data(raw_catalog):
    raw_catalog["reply"]["reply"]["expectations"]["source"] = "<script>alert(1)</script> & more"
    raw_catalog["reply"]["reply"]["windows"][2]["name"] = "<b>Always</b>"
    catalog = build_catalog(raw_catalog)
    section = view.report_html(_delivery(catalog, team_size=1, **FAST), catalog, "en")
    assert section.startswith("<section><h2>Reply-time promise</h2>") and section.endswith("</section>")
    assert "<script>" not in section and "<b>" not in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in section
    assert "&lt;b&gt;always&lt;/b&gt;" in section
    kept = view.report_html(_delivery(team_size=3, budget_sek=2_500_000), CATALOG, "sv")
    assert 'class="note better"' in kept


@pytest.mark.parametrize(("fields", "lang", "box"), [
    (dict(team_size=3, budget_sek=2_500_000), "en", "success"), (dict(team_size=1, **FAST), "sv", "warning")])
def test_render_draws_the_section(fields, lang, box):
    script = ("from model import Scenario, load_catalog, simulate\n"
              "from ui import reply_view\n"
              "catalog = load_catalog()\n"
              f"reply_view.render(simulate(Scenario(**{fields!r}), catalog), catalog, {lang!r})\n")
    at = AppTest.from_string(script).run(timeout=60)
    assert not at.exception
    assert at.subheader[0].value == view._(lang, "Reply-time promise")
    shown = getattr(at, box)
    assert len(shown) == 1 and not getattr(at, "warning" if box == "success" else "success")
    assert len(at.caption) == 1 and "Lithium" in at.caption[0].value
