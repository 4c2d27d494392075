"""The reply-time promise in words: what it needs (model.reply.need) and what a plan delivers
(model.reply_delivery), for the Simulator, the HTML report and the Compare page.

    need_text(delivery.need, catalog, lang)   delivery_text(delivery, catalog, lang)
    report_html(delivery, catalog, lang)      summary_line(delivery, lang)
"""

from __future__ import annotations

import html

from model import Catalog, Plan, ReplyDelivery, ReplyNeed, reply_delivery
from ui.continuity_words import reply_line as summary_line  # noqa: F401 - part of this view
from ui.continuity_words import wait_text, waits_of
from ui.fmt import decimal, hours, names_list, pct, sek
from ui.i18n import _, n_


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _window(window_id: str, catalog: Catalog, lang: str) -> str:
    """A window's name, for the middle of a sentence ('evenings and weekends')."""
    window = catalog.reply.windows.get(window_id)
    return _(lang, window.name).lower() if window is not None else window_id


def _providers(catalog: Catalog, lang: str) -> str:
    return names_list([_(lang, catalog.name(item)) for item in catalog.reply.window_providers], lang, "or")


def promise_text(need: ReplyNeed, catalog: Catalog, lang: str) -> str:
    """'The promise: a reply within 1 h during evenings and weekends (112 h a week).'"""
    return _(lang, "The promise: a reply within {hours} h during {window} ({week_hours} h a week).",
             hours=decimal(need.promise_hours, lang, 2), window=_window(need.window, catalog, lang),
             week_hours=decimal(need.window_hours, lang, 1))


def need_text(need: ReplyNeed, catalog: Catalog, lang: str) -> str:
    """What the promise needs: check-ins, extra community hours and their cost a year, a rota."""
    reply = catalog.reply
    checks = round(need.checks)
    parts = [n_(lang, "A reply within {hours} h during {window} ({week_hours} h a week) means {count} "
                      "check-in a week.",
                "A reply within {hours} h during {window} ({week_hours} h a week) means {count} "
                "check-ins a week.", checks,
                hours=decimal(need.promise_hours, lang, 2), window=_window(need.window, catalog, lang),
                week_hours=decimal(need.window_hours, lang, 1))]
    if need.extra_hours > 0.005:
        values = {"extra": hours(need.extra_hours, lang), "base": decimal(reply.baseline_hours, lang, 2),
                  "base_window": _window(reply.baseline_window, catalog, lang)}
        if need.cheapest and need.cost_sek_year > 0:
            parts.append(_(lang, "That is {extra} h/week more community work than a reply within {base} h "
                                 "during {base_window}: about {cost} a year at the cheapest ({cheapest}).",
                           cost=sek(round(need.cost_sek_year, -3), lang),
                           cheapest=_(lang, catalog.name(need.cheapest)), **values))
        else:
            parts.append(_(lang, "That is {extra} h/week more community work than a reply within {base} h "
                                 "during {base_window}.", **values))
    else:
        parts.append(_(lang, "Today's estimate of the community hours already holds it: no extra hours."))
    if need.rota_people > 1:
        if reply.window_providers:
            parts.append(_(lang, "Those hours need a rota of at least {rota} people doing community work, "
                                 "or an outside provider ({providers}).", rota=need.rota_people,
                           providers=_providers(catalog, lang)))
        else:
            parts.append(_(lang, "Those hours need a rota of at least {rota} people doing community work.",
                           rota=need.rota_people))
    return " ".join(parts)


def delivery_text(delivery: ReplyDelivery, catalog: Catalog, lang: str) -> str:
    """What the plan delivers: the longest waits, the share answered, the window held, and whether
    the promise is kept."""
    need = delivery.need
    waits = waits_of(delivery)
    held = _window(delivery.held_window, catalog, lang)
    daily = waits is not None and delivery.open_wait < 24 - 1e-6  # at least one check a day
    if waits is None:
        parts = [_(lang, "With this plan, messages are not answered: no community hours are left for "
                         "replies.")]
    elif daily and waits[1] is None:
        parts = [_(lang, "With this plan, replies take up to {open} during {held}, and up to {overnight} "
                         "for a message sent at night.", open=wait_text(delivery.open_wait, lang), held=held,
                   overnight=wait_text(delivery.overnight_wait, lang))]
    elif daily:
        parts = [_(lang, "With this plan, replies take up to {open} during {held}, up to {overnight} "
                         "overnight and {weekend} over a weekend.", open=wait_text(delivery.open_wait, lang),
                   held=held, overnight=wait_text(delivery.overnight_wait, lang),
                   weekend=wait_text(waits[1], lang))]
    elif waits[1] is None:
        parts = [_(lang, "With this plan, replies take up to {wait}, any day of the week.",
                   wait=wait_text(waits[0], lang))]
    else:
        parts = [_(lang, "With this plan, replies take up to {weekday} on weekdays and {weekend} over a "
                         "weekend.", weekday=wait_text(waits[0], lang), weekend=wait_text(waits[1], lang))]
    if waits is not None and delivery.answered_share < 1 - 1e-6:
        parts.append(_(lang, "About {share} of messages get an answer; the rest wait in a backlog.",
                       share=pct(delivery.answered_share, lang)))
    if delivery.window_provider and delivery.held_window == need.window != catalog.reply.baseline_window:
        parts.append(_(lang, "{provider} holds the promised hours.",
                       provider=_(lang, catalog.name(delivery.window_provider))))
    if delivery.held_window != need.window:
        values = {"window": _window(need.window, catalog, lang),
                  "held": _window(delivery.held_window, catalog, lang), "rota": need.rota_people}
        if catalog.reply.window_providers:
            parts.append(n_(lang, "The promised hours ({window}) are not held, only {held}: the team has "
                                  "{count} person doing community work and the hours need a rota of {rota}, "
                                  "or an outside provider ({providers}).",
                            "The promised hours ({window}) are not held, only {held}: the team has "
                            "{count} people doing community work and the hours need a rota of {rota}, "
                            "or an outside provider ({providers}).", delivery.rota_people,
                            providers=_providers(catalog, lang), **values))
        else:
            parts.append(n_(lang, "The promised hours ({window}) are not held, only {held}: the team has "
                                  "{count} person doing community work and the hours need a rota of {rota}.",
                            "The promised hours ({window}) are not held, only {held}: the team has "
                            "{count} people doing community work and the hours need a rota of {rota}.",
                            delivery.rota_people, **values))
    elif delivery.meets:
        parts.append(_(lang, "The promise is kept: a reply within {hours} h during {window}.",
                       hours=decimal(need.promise_hours, lang, 2),
                       window=_window(need.window, catalog, lang)))
    elif waits is not None and delivery.open_wait > need.promise_hours + 1e-6:
        parts.append(_(lang, "The promise of a reply within {hours} h is not kept: the community hours allow "
                             "a check of the inbox only every {gap}.",
                       hours=decimal(need.promise_hours, lang, 2), gap=wait_text(delivery.open_wait, lang)))
    else:
        parts.append(_(lang, "The promise of a reply within {hours} h is not kept.",
                       hours=decimal(need.promise_hours, lang, 2)))
    return " ".join(parts)


def source_text(catalog: Catalog, lang: str) -> str:
    return _(lang, "What customers expect: {source}", source=_(lang, catalog.reply.source))


def report_html(delivery: ReplyDelivery, catalog: Catalog, lang: str) -> str:
    """The section of the self-contained report (every text escaped)."""
    kept = "better" if delivery.meets else "worse"
    return (f"<section><h2>{_esc(_(lang, 'Reply-time promise'))}</h2>"
            f"<p>{_esc(promise_text(delivery.need, catalog, lang))}</p>"
            f"<p>{_esc(need_text(delivery.need, catalog, lang))}</p>"
            f'<p class="note {kept}">{_esc(delivery_text(delivery, catalog, lang))}</p>'
            f'<p class="meta">{_esc(source_text(catalog, lang))}</p></section>')


def render(plan: Plan, catalog: Catalog, lang: str) -> None:
    """The Simulator's section: the promise, what it needs, what the plan delivers, the source."""
    import streamlit as st

    from ui.feedback import md_escape

    if catalog.reply is None:
        return
    delivery = reply_delivery(plan, catalog)
    st.subheader(_(lang, "Reply-time promise"))
    st.markdown("**" + md_escape(promise_text(delivery.need, catalog, lang)) + "**")
    st.markdown(md_escape(need_text(delivery.need, catalog, lang)))
    box = st.success if delivery.meets else st.warning
    box(md_escape(delivery_text(delivery, catalog, lang)),
        icon=":material/check_circle:" if delivery.meets else ":material/schedule:")
    st.caption(md_escape(source_text(catalog, lang)))


__all__ = ["delivery_text", "need_text", "promise_text", "render", "report_html", "source_text",
           "summary_line", "wait_text"]
