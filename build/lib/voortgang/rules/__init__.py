"""The coaching assistant: deterministic rules over word lists, in Dutch and English.

Pure Python: no Flask, no network, no models. Word lists and patterns live in
data/<lang>.json and are compiled once, at import.
"""
from .agreement import AgreementCheck, Flag, analyse_agreement
from .followups import Goal, Suggestion, suggest_followups
from .language import detect_language

__all__ = ["AgreementCheck", "Flag", "Goal", "Suggestion", "analyse_agreement",
           "detect_language", "suggest_followups"]
