"""One JSON line per request, and a request id to find it by.

The line says what a server operator needs to follow a request through proxies and
logs (its id, method, path, status, duration, the account's number), never what a
person is called or what they wrote: no names, no email addresses, no query-string
values, no one-time tokens from a URL. On with `VOORTGANG_REQUEST_LOG=1`, and by
default in production; quiet otherwise (the tests, `make run`).

Static files that WhiteNoise answers (voortgang.static_files) never reach Flask and
are not logged.
"""
import json
import logging
import re
import sys
import time
import uuid
from datetime import datetime, timezone

from flask import current_app, g, request

logger = logging.getLogger("voortgang.requests")

# An id from a proxy or load balancer is kept when it is short and plain; anything
# else (a line break, a script, a kilobyte) is replaced by one of ours.
INCOMING_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# URL parts that are words from a fixed list, or a static file's name; any other
# non-numeric part (the token in a password link) is written as its name.
PLAIN_URL_PARTS = {"phase_slug", "collection", "filename"}


def init_app(app):
    """Register first, so the clock starts before any other check can answer."""
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_finish)
    if app.config["REQUEST_LOG"] and not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def request_id():
    """This request's id: the incoming X-Request-ID when plain, else a new one."""
    if "request_id" not in g:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if INCOMING_ID.fullmatch(incoming) else uuid.uuid4().hex
    return g.request_id


def _start():
    g.request_started = time.perf_counter()
    request_id()


def _finish(response):
    response.headers["X-Request-ID"] = request_id()
    if current_app.config["REQUEST_LOG"]:
        logger.info(json.dumps(_line(response), separators=(",", ":")))
    return response


def _line(response):
    started = g.get("request_started")
    line = {
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "request_id": request_id(),
        "method": request.method,
        "path": _path(),
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1)
        if started is not None else None,
    }
    if request.args:
        line["query"] = sorted(request.args)  # the names only: values can be anything
    account = g.get("_login_user")  # only when this request loaded it: no extra query
    if account is not None and account.is_authenticated:
        line["user_id"] = account.id  # the number, never get_id(): that is the session
    return line


def _path():
    """The path, with every URL part that is not a number or a fixed word replaced
    by its name (/password/<token>)."""
    rule = request.url_rule
    if rule is None:
        return request.path[:200]
    parts = {name: value if isinstance(value, int) or name in PLAIN_URL_PARTS
             else f"<{name}>" for name, value in (request.view_args or {}).items()}
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>",
                  lambda match: str(parts.get(match.group(1), match.group(0))), rule.rule)
