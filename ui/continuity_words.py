"""One-line summaries of the July test and the reply-time promise, and how a wait is written:
pure words (no Streamlit), shared by the Simulator's sections (ui/continuity_view.py,
ui/reply_view.py), the Compare table and the command line."""

from __future__ import annotations

from model import Continuity, ReplyDelivery
from ui.fmt import decimal, hours, number, pct
from ui.i18n import _, n_

DAYS_FROM = 48.0  # hours: from here a wait is written in days


def wait_text(value: float, lang: str) -> str:
    """A wait: '6 h', '2.5 h', '27 h' under two days, '2.6 days' from there."""
    if value >= DAYS_FROM:
        return _(lang, "{days} days", days=number(value / 24.0, lang, 1))
    shown = round(value, 1) if value < 10 else round(value)
    return _(lang, "{hours} h", hours=decimal(shown, lang, 1))


def waits_of(delivery: ReplyDelivery) -> tuple[float, float | None] | None:
    """(the longest wait on a weekday, over a weekend), or None when messages are never answered."""
    if delivery.open_wait is None:
        return None
    weekday = max(delivery.open_wait, delivery.overnight_wait or 0.0)
    return weekday, delivery.weekend_wait


def continuity_line(result: Continuity, lang: str) -> str:
    """One sentence for Compare: 'July: 12.5 h/week at risk; 4 capabilities rest on one person'."""
    return n_(lang, "July: {hours} h/week at risk; {count} capability rests on one person",
              "July: {hours} h/week at risk; {count} capabilities rest on one person",
              len(result.single_points), hours=hours(result.hours_at_risk, lang))



def reply_line(delivery: ReplyDelivery, lang: str) -> str:
    """One line for Compare: 'Replies: up to 27 h on weekdays, 3.1 days over a weekend (promise: 24 h)'."""
    promise = decimal(delivery.need.promise_hours, lang, 2)
    waits = waits_of(delivery)
    if waits is None:
        line = _(lang, "Replies: none (promise: {promise} h)", promise=promise)
    elif delivery.open_wait < 24 - 1e-6 and waits[1] is not None:
        line = _(lang, "Replies: up to {open} in open hours, {weekend} over a weekend (promise: {promise} h)",
                 open=wait_text(delivery.open_wait, lang), weekend=wait_text(waits[1], lang), promise=promise)
    elif delivery.open_wait < 24 - 1e-6:
        line = _(lang, "Replies: up to {open} in open hours, {overnight} at night (promise: {promise} h)",
                 open=wait_text(delivery.open_wait, lang), overnight=wait_text(delivery.overnight_wait, lang),
                 promise=promise)
    elif waits[1] is None:
        line = _(lang, "Replies: up to {wait} any day (promise: {promise} h)",
                 wait=wait_text(waits[0], lang), promise=promise)
    else:
        line = _(lang, "Replies: up to {weekday} on weekdays, {weekend} over a weekend (promise: "
                       "{promise} h)", weekday=wait_text(waits[0], lang), weekend=wait_text(waits[1], lang),
                 promise=promise)
    if waits is not None and delivery.answered_share < 1 - 1e-6:
        line = _(lang, "{line}; {share} of messages answered", line=line,
                 share=pct(delivery.answered_share, lang))
    return line
