"""Presentation text size: larger text for a meeting-room display, read from 1.5 m.

One click in the header turns it on or off; the choice is kept in the session, so
every page after it shows the same size. It works without JavaScript (a form post);
static/js/layout.js does the same post in the background, without a reload.
"""
from flask import Blueprint, redirect, request, session

from .urls import local_target

bp = Blueprint("display", __name__)


@bp.post("/display")
def switch():
    """Turn presentation text on or off and return to the page the user was on."""
    session["presentation"] = request.form.get("presentation") == "on"
    session.permanent = True
    if request.headers.get("X-Background") == "display":
        return "", 204
    return redirect(local_target(request.form.get("next")), code=303)


@bp.app_context_processor
def display_context():
    return {"presentation": bool(session.get("presentation"))}
