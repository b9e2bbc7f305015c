"""Interface language: Dutch by default, English too, switchable at any moment."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, request, session, url_for
from flask_babel import get_locale
from werkzeug.exceptions import HTTPException

bp = Blueprint("i18n", __name__)


# Dates in English are written the British way ("Friday 15 January 2027"), which
# reads naturally next to Dutch; the English catalog is found through "en".
FORMATS = {"nl": "nl_NL", "en": "en_GB"}


def chosen_language():
    """An explicit choice first, then the browser's Accept-Language, then Dutch."""
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
    return redirect(_local_target(request.form.get("next")), code=303)


def _local_target(target):
    """A page on this site that can be shown again: never an open redirect, and not
    the URL of a form post (after an error the address bar shows the POST URL).
    A line break would end up in the Location header: such a target is refused."""
    parts = urlsplit(target or "")
    if target and target.isprintable() and not parts.scheme and not parts.netloc \
            and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        try:
            current_app.url_map.bind("localhost").match(parts.path, method="GET")
        except HTTPException:
            return _referrer_page()
        return target
    return url_for("people.index")


def _referrer_page():
    parts = urlsplit(request.referrer or "")
    if parts.netloc == request.host and parts.path.startswith("/"):
        return parts.path
    return url_for("people.index")


@bp.app_context_processor
def language_context():
    return {"current_lang": get_locale().language,
            "languages": current_app.config["LANGUAGES"]}
