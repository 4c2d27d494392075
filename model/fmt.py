"""Numbers written for a language: SEK with thousands separators, shares as percent, hours."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def sek(value: float, lang: str = "en") -> str:
    """1,234,567 SEK in English; 1 234 567 kr in Swedish."""
    return f"{number(round(value), lang)}{NBSP}{'kr' if lang == 'sv' else 'SEK'}"


def msek(value: float, lang: str = "en") -> str:
    """Millions: 1.5 MSEK / 1,5 mnkr."""
    return f"{number(value / 1e6, lang, 1)}{NBSP}{'mnkr' if lang == 'sv' else 'MSEK'}"


def pct(value: float, lang: str = "en") -> str:
    """A 0..1 share as percent: 45% in English, 45 % in Swedish."""
    text = number(value * 100, lang)
    return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"


def hours(value: float, lang: str = "en") -> str:
    return number(value, lang, 1)


def fit(value: float, lang: str = "en") -> str:
    return number(value, lang, 2)
