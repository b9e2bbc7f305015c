"""Voortgang: hold a progress review together on one shared screen.

The web app is built by `create_app()`; its imports wait until then, so that the
coaching rules (`voortgang.rules`) import fast on their own.
"""


def create_app(test_config=None):
    """Build the Flask app (see voortgang.app)."""
    from .app import create_app as build
    return build(test_config)
