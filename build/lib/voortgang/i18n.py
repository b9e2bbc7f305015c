"""Interface language: Dutch by default, English too, switchable at any moment."""
from flask import Blueprint, current_app, has_request_context, redirect, request, session
from flask_babel import get_locale

from .urls import local_target

bp = Blueprint("i18n", __name__)


# Dates in English are written the British way ("Friday 15 January 2027"), which
# reads naturally next to Dutch; the English catalog is found through "en".
FORMATS = {"nl": "nl_NL", "en": "en_GB"}


def chosen_language():
    """An explicit choice first, then the browser's Accept-Language, then Dutch
    (also outside a request: a command)."""
    if not has_request_context():
        return "nl"
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or "nl"


def select_locale():
    return FORMATS[chosen_language()]


@bp.post("/language")
def switch():
    """Remember the chosen language and return to the page the user was on."""
    lang = request.form.get("lang", "")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
        session.permanent = True
    return redirect(local_target(request.form.get("next")), code=303)


@bp.app_context_processor
def language_context():
    return {"current_lang": get_locale().language,
            "languages": current_app.config["LANGUAGES"]}
