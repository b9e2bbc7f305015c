"""The coaching assistant: deterministic rules over word lists, in Dutch and English.

Pure Python: no Flask, no network, no models. Word lists live in data/<lang>.json,
checked against schema.py at import and compiled once per language, at its first use.
How the rules are built, and how to add one: README.md in this folder.
"""
from .agreement import AgreementCheck, Flag, analyse_agreement
from .followups import Goal, Suggestion, suggest_followups
from .language import detect_language

__all__ = ["AgreementCheck", "Flag", "Goal", "Suggestion", "analyse_agreement",
           "detect_language", "suggest_followups"]
