"""Where to send the browser back to: only ever a page of this site."""
from urllib.parse import urlsplit

from flask import current_app, request, url_for
from werkzeug.exceptions import HTTPException


def split_url(url):
    """The parts of a URL the browser sent, or None if it cannot be read at all
    ('http://[' is not a URL: urlsplit raises)."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return None


def local_target(target):
    """A page on this site that can be shown again: never an open redirect, and not
    the URL of a form post (after an error the address bar shows the POST URL).
    A line break would end up in the Location header: such a target is refused."""
    parts = split_url(target)
    if target and parts and target.isprintable() and not parts.scheme and not parts.netloc \
            and target.startswith("/") and not target.startswith("//") \
            and "\\" not in target:
        try:
            current_app.url_map.bind("localhost").match(parts.path, method="GET")
        except HTTPException:
            return _referrer_page()
        return target
    return url_for("people.index")


def _referrer_page():
    parts = split_url(request.referrer)
    if parts and parts.netloc == request.host and parts.path.startswith("/"):
        return parts.path
    return url_for("people.index")
