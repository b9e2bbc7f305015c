"""`flask serve` (what `make run` uses): Werkzeug's server without its version banner.

Werkzeug's server names itself and Python with their versions in a Server header
on every answer, even when the app sends its own; a free hint for anyone looking
for a known hole. This handler leaves the header to the app (voortgang.security).
"""
import click
from flask import current_app
from werkzeug.serving import WSGIRequestHandler, run_simple


class RequestHandler(WSGIRequestHandler):
    def send_response(self, code, message=None):
        """As http.server does it, minus the Server header."""
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host, port):
    """Serve the app on HOST:PORT, one thread per request."""
    run_simple(host, port, current_app._get_current_object(), threaded=True,
               request_handler=RequestHandler)
