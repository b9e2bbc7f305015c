"""One place that decides between a whole page and an htmx fragment."""
from flask import make_response, render_template, request
from jinja2_fragments.flask import render_block


def wants_fragment():
    """True for htmx requests, except history restores, which need the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render(template, block, status=200, **context):
    """Render `block` of `template` for htmx, the whole page otherwise."""
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def fragment(template, status=200, **context):
    """Render a component template on its own (htmx swaps it in place)."""
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response
