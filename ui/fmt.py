"""Numbers, money, shares and lists written for a language, by Babel from the locale's data (CLDR):
`1 500 000 kr`, `81 %`, `1,5` in Swedish; `SEK 1,500,000`, `81%`, `1.5` in English."""

from __future__ import annotations

import functools
import math

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent, get_group_symbol

from ui.i18n import PSEUDO, locale_of, pseudo

NBSP = "\u00a0"
CURRENCY = "SEK"


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(locale_of(lang))


@functools.cache
def _pattern(lang: str, kind: str, decimals: int) -> str:
    """The locale's standard pattern for `kind` with exactly `decimals` fraction digits."""
    locale = _locale(lang)
    pattern = {"decimal": locale.decimal_formats, "percent": locale.percent_formats,
               "currency": locale.currency_formats}[kind][None if kind != "currency" else "standard"].pattern
    pattern = pattern.split(";")[0]
    head, _, tail = pattern.partition("0")  # "#,##0.00 ¤" -> "#,##", "0", ".00 ¤"
    rest = tail.lstrip(".0#")
    return f"{head}0{'.' + '0' * decimals if decimals else ''}{rest}"


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    return format_decimal(value, _pattern(lang, "decimal", decimals), locale=_locale(lang))


def sek(value: float, lang: str = "en") -> str:
    """Whole kronor in the locale's currency pattern (a letter symbol is kept apart from the
    digits by a no-break space, as CLDR's currency spacing asks)."""
    text = format_currency(round(value), CURRENCY, _pattern(lang, "currency", 0), locale=_locale(lang),
                           currency_digits=False)
    symbol = _locale(lang).currency_symbols.get(CURRENCY, CURRENCY)
    if text.startswith(symbol) and text[len(symbol):][:1] not in (NBSP, " "):
        text = symbol + NBSP + text[len(symbol):]
    elif text.startswith("-" + symbol) and text[len(symbol) + 1:][:1] not in (NBSP, " "):
        text = "-" + symbol + NBSP + text[len(symbol) + 1:]
    return text


def msek(value: float, lang: str = "en") -> str:
    """Millions with one decimal: 1.5 MSEK / 1,5 mnkr."""
    from ui.i18n import gettext

    return f"{number(value / 1e6, lang, 1)}{NBSP}{gettext(lang, 'MSEK')}"


def money(value: float, lang: str = "en") -> str:
    """An amount as a reader takes it in: whole kronor below a million ('35 520 kr', so a small
    amount never shows as '0,0 mnkr'), millions with one decimal from there ('2,5 mnkr')."""
    return msek(value, lang) if abs(value) >= 1e6 else sek(value, lang)


def pct(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A 0..1 share as a percentage: 45% in English, 45 % in Swedish."""
    return format_percent(value, _pattern(lang, "percent", decimals), locale=_locale(lang))


def percent_sign(lang: str = "en") -> str:
    """What follows the number in a percentage ("%" or " %"), for slider and axis formats."""
    return pct(0, lang)[1:] if pct(0, lang).startswith("0") else "%"


def decimal(value: float, lang: str = "en", most: int = 3) -> str:
    """A number with only the decimals it has, at most `most`: '2.5', '2,15', '4'."""
    return format_decimal(round(value, most), "#,##0." + "#" * most, locale=_locale(lang))


def read_number(text: str) -> float | None:
    """A number as a person types it in either language: '2,5', '2.5', '2,5 mnkr', ' 4 '; the
    decimal mark may be a comma or a point, spaces and a unit after the number are ignored.
    None when the text is not one number (empty, '2,5,0', '1.2,5', 'nan')."""
    body = str(text).strip()
    while body and body[-1].isalpha():  # '2,5 mnkr', '2.5 MSEK'
        body = body[:-1]
    body = "".join(body.split()).replace("\u202f", "")  # spaces, no-break spaces
    if not body or body.count(",") + body.count(".") > 1:
        return None
    try:
        value = float(body.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def hours(value: float, lang: str = "en") -> str:
    return number(value, lang, 1)


def fit(value: float, lang: str = "en") -> str:
    return number(value, lang, 2)


def names_list(names: list[str], lang: str = "en", style: str = "standard") -> str:
    """'a, b and c' (style "standard") or 'a, b or c' (style "or") in the language."""
    if not names:
        return ""
    if lang == PSEUDO:  # the words that join the names ("and", "or") are texts too
        marks = [f"\ue000{index}\ue001" for index in range(len(names))]
        joined = pseudo(format_list(marks, style=style, locale=_locale(lang)))
        for mark, name in zip(marks, names, strict=True):
            joined = joined.replace(mark, name)
        return joined
    return format_list(list(names), style=style, locale=_locale(lang))


def points(value: float, lang: str = "en", decimals: int = 0, signed: bool = False) -> str:
    """A difference between two shares (given on the 0..1 scale, as `pct` takes them) in percentage
    points: 0.042 -> '4 pp' / '4 procentenheter'; decimals=1 -> '4.2 pp' / '4,2 procentenheter'.
    `signed` writes '+4.2 pp', '-4.2 pp' or '±0.0 pp' (an ASCII '-', which st.metric reads as a fall)."""
    from ui.i18n import n_

    amount = round(value * 100, decimals)
    text = number(abs(amount) if signed else amount, lang, decimals)
    if signed:
        text = ("+" if amount > 0 else "-" if amount < 0 else "±") + text
    return n_(lang, "{value}\u00a0pp", "{value}\u00a0pp", 1 if abs(amount) == 1 else 2, value=text)


def _digits_spec(lang: str) -> str:
    """sprintf.js (as Streamlit ships it) for a whole number grouped with the locale's symbol:
    '%,d' for a comma; "%'X,d" groups with the character X (a no-break space in Swedish)."""
    group = get_group_symbol(_locale(lang))
    return "%,d" if group == "," else f"%'{group},d"


def slider_format(lang: str = "en", kind: str = "number", decimals: int = 0) -> str:
    """A `format=` for st.slider in the language's style. The browser formats slider values with
    sprintf.js, which cannot scale a value or write a decimal comma, so:
    - "money": whole kronor as `sek` writes them ('1 500 000 kr', 'SEK 1,500,000');
    - "number": whole numbers grouped as `number` groups them; with decimals, '%.1f' where the
      decimal mark is a point, else Streamlit's "localized" (the browser's language decides);
    - "percent": a 0..1 share as a percentage, Streamlit's "percent" (again the browser's language:
      '45 %' in a Swedish browser, '45%' in an English one);
    - "decimal": a number with only the decimals it has ('4', '4.5', '2.15'): '%g' where the decimal
      mark is a point, else Streamlit's "localized" (the browser's language: '4,5' in Swedish);
    - "percent100": a percentage given on the 0..100 scale ('30%', '30 %'), in the language's own
      style whatever the browser's, '%g' then the percent sign as `pct` writes it."""
    if kind == "percent":
        return "percent"
    if kind == "decimal":
        return "%g" if number(0.5, lang, 1) == "0.5" else "localized"
    if kind == "percent100":
        return "%g" + percent_sign(lang).replace("%", "%%")
    digits = number(1234567, lang)
    if kind == "money":
        sample = sek(1234567, lang)
        return sample.replace("%", "%%").replace(digits, _digits_spec(lang))
    if kind != "number":
        raise ValueError(f"unknown slider format kind: {kind}")
    if decimals <= 0:
        return _digits_spec(lang)
    return f"%.{decimals}f" if number(0.5, lang, 1) == "0.5" else "localized"
