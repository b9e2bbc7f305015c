"""Response headers that keep the shared screen safe: a strict CSP and friends; and
POST bodies that are forms, nothing else."""
from flask import abort, current_app, request

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
])

# What browsers send from a form, from htmx, and from app.js (fetch and sendBeacon
# with FormData).
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

# A review needs none of the browser's devices or trackers; nothing on a page (nor
# anything that slipped into one) may ask for them. Only names the browser knows:
# it ignores the header's unknown ones with a console warning.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
    "geolocation", "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone",
    "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
))

# Browsers keep to HTTPS for a year once they have seen this over HTTPS.
HSTS = "max-age=31536000; includeSubDomains"


def init_app(app):
    @app.before_request
    def _readable_forms_only():
        """A POST body is a form that can be read, or it is refused, not half-read:
        Flask-WTF took a JSON body for the form's data and broke on a list or a
        number (a 500), and a form that is not UTF-8 was read as empty, which an
        autosave then reported as saved."""
        if request.method != "POST" or not request.mimetype:
            return
        if request.mimetype not in FORM_TYPES:
            abort(415)
        # A file would reach the text fields as an object; no form here takes one.
        if request.mimetype == "multipart/form-data" and request.files:
            abort(415)
        if request.mimetype == "application/x-www-form-urlencoded":
            try:
                request.get_data(cache=True).decode("utf-8")
            except UnicodeDecodeError:
                abort(400)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Instead of the server's name and versions, a free hint for anyone looking
        # for a known hole (`flask serve` leaves this header to us; see serving.py).
        # gunicorn always writes one itself, set to this in gunicorn.conf.py.
        if not request.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn"):
            response.headers["Server"] = "Voortgang"
        if current_app.config["HTTPS"] and request.is_secure:
            # HTTPS mode only, so a server tried out on http://localhost never pins
            # a browser to HTTPS; and over HTTPS only, as browsers ignore it elsewhere.
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if response.mimetype == "text/html":
            # What was said in a review must not linger in shared caches.
            response.headers.setdefault("Cache-Control", "no-store")
        return response
