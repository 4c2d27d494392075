"""Formatting for the UI: the model's language-aware number formats, re-exported."""

from model.fmt import fit, hours, msek, number, pct, sek

__all__ = ["fit", "hours", "msek", "number", "pct", "sek"]
