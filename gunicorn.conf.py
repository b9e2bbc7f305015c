"""gunicorn's settings for `make serve` (README: "Running in production").

Each can be changed from the environment: BIND (address:port), WEB_CONCURRENCY
(worker processes), GUNICORN_TIMEOUT (seconds a request may take).
"""
import multiprocessing
import os

from gunicorn.http import wsgi

bind = os.environ.get("BIND", "127.0.0.1:8000")
# One sync worker per request at a time: two per core, plus one for the moments a
# worker waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# The app is built once, before the workers start: a missing setting stops the
# start with one message (not one per worker), and the static files are prepared once.
preload_app = True
# An autosave on SQLite may wait up to 30 s for the lock; a worker is only ended
# well after that.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
# The app writes one JSON line per request (voortgang/requestlog.py); gunicorn's
# own messages (start, workers, errors) go to stderr.
accesslog = None
errorlog = "-"
# Which X-Forwarded-* headers are believed is the app's decision alone
# (VOORTGANG_PROXY_HOPS); gunicorn would otherwise believe them from 127.0.0.1.
forwarded_allow_ips = ""
secure_scheme_headers = {}
# gunicorn names itself in a Server header of its own; this one names no software.
# (The app then leaves the header to gunicorn: voortgang/security.py.)
wsgi.SERVER = "Voortgang"
# No control socket (gunicorn 25+): nothing here uses it, and two servers on one
# machine would share its one default path.
control_socket_disable = True
