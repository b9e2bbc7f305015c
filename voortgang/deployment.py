"""Running for real: HTTPS, a reverse proxy in front, and only our own host names.

Each setting comes from the environment and can be overridden in instance/config.py
(`HTTPS`, `PROXY_HOPS`, `REQUEST_LOG`, and Flask's own `TRUSTED_HOSTS`).
`VOORTGANG_ENV=production` turns HTTPS mode and the request log on, and refuses to
start without what every server of one installation must share: a secret key and
the host names it answers to.
"""
import os

from flask_babel import gettext as _
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from .rendering import render

_YES, _NO = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


# A secret key shorter than this can be guessed offline from one signed cookie.
SECRET_KEY_MIN = 32


def from_environment():
    """The settings as the environment gives them; `create_app` loads them first."""
    production = _environment(os.environ.get("VOORTGANG_ENV", ""))
    return {
        "PRODUCTION": production,
        "HTTPS": _setting("VOORTGANG_HTTPS", production),
        "REQUEST_LOG": _setting("VOORTGANG_REQUEST_LOG", production),
        "PROXY_HOPS": _hops(os.environ.get("VOORTGANG_PROXY_HOPS", "0")),
        "TRUSTED_HOSTS": _hosts(os.environ.get("VOORTGANG_ALLOWED_HOSTS", "")),
    }


def require_production_settings(config):
    """In production, stop before serving anything without a real secret key and the
    host names: a key generated on each server would log everyone out at the next
    server (and on every restart of a container), and without host names any Host
    header is believed, in links and in the CSRF check."""
    if not config.get("PRODUCTION"):
        return
    key = config.get("SECRET_KEY") or ""
    if len(key) < SECRET_KEY_MIN:
        raise RuntimeError(
            "VOORTGANG_ENV=production needs SECRET_KEY: a random value of at least "
            f"{SECRET_KEY_MIN} characters, the same on every server, e.g. from "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`."
            + (f" The one given has {len(key)}." if key else ""))
    if not config.get("TRUSTED_HOSTS"):
        raise RuntimeError(
            "VOORTGANG_ENV=production needs VOORTGANG_ALLOWED_HOSTS: the host names "
            "this server answers to, comma-separated (voortgang.example.org).")


def init_app(app):
    if app.config["HTTPS"]:
        # The cookies that carry a login never travel over plain HTTP.
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
                          PREFERRED_URL_SCHEME="https")
    hops = app.config["PROXY_HOPS"]
    if hops:
        # Believe as many X-Forwarded-* values as there are proxies in front, so the
        # scheme (secure cookies, HSTS, links) and the client's address (the login
        # limit) are the browser's, not the proxy's. Without proxies, believe none.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops,
                                x_prefix=hops)
    app.register_error_handler(SecurityError, _unknown_host)


def _unknown_host(error):
    """A host name not in TRUSTED_HOSTS. No URL of ours can be built for it, so the
    page has no links; it only says what is wrong."""
    message = _("This server does not answer to this address. Check the address, "
                "or ask the administrator which one to use.")
    return render("errors/unknown_host.html", "message", status=400, message=message)


def _environment(value):
    """'production' or nothing; a typo must not quietly mean 'not production'."""
    value = value.strip().lower()
    if value not in ("", "production", "development"):
        raise RuntimeError(
            f"VOORTGANG_ENV must be production or development, not {value!r}.")
    return value == "production"


def _setting(name, default):
    value = os.environ.get(name)
    return default if value is None else _flag(name, value)


def _flag(name, value):
    value = value.strip().lower()
    if value not in _YES | _NO:
        raise RuntimeError(f"{name} must be 1 or 0 (on or off), not {value!r}.")
    return value in _YES


def _hops(value):
    if not value.strip().isdigit():
        raise RuntimeError(
            f"VOORTGANG_PROXY_HOPS must be the number of proxies in front, not {value!r}.")
    return int(value)


def _hosts(value):
    """'voortgang.example.org, localhost' -> a list; empty means any host."""
    hosts = [host.strip() for host in value.split(",") if host.strip()]
    return hosts or None
