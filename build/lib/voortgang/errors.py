"""Error pages: a clear message in the user's language, never a stack trace."""
from flask import current_app, render_template, request
from flask.globals import request_ctx
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .rendering import wants_fragment


def _message(code):
    messages = {
        400: _("The request could not be understood. Go back and try again."),
        403: _("You may read this review, but not change it."),
        404: _("This page does not exist, or you may not see it."),
        405: _("That action is not possible on this page."),
        413: _("What you sent is too large. Shorten the text and try again."),
        415: _("This page only takes what its own forms send. Reload it and try again."),
        429: _("Too many attempts in a short time. Wait a minute, then try again."),
    }
    return messages.get(code, _("Something went wrong. What you typed before this "
                                "was saved."))


def init_app(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = _("Your session has expired or the form is out of date. Reload the "
                    "page and try again; text that was saved is kept.")
        return _render(400, message)

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _render(error.code, _message(error.code))


def _render(code, message):
    if request_ctx.url_adapter is None:
        # Werkzeug refused the Host header (a name part over 63 characters), so the
        # request has no URL adapter and url_for would crash. Links to our own
        # pages are plain paths and need no host: build them without one.
        request_ctx.url_adapter = current_app.url_map.bind(
            "localhost", script_name=request.script_root or "/", url_scheme=request.scheme)
    template = "errors/_error.html" if wants_fragment() else "errors/error.html"
    return render_template(template, code=code, message=message), code
