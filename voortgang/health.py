"""`/healthz`: may a load balancer send this server requests?

Yes when the database answers. No login (a load balancer has none), no session
cookie, no rate limit (it asks every few seconds), no review data: only whether
one `SELECT 1` worked.
"""
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db, limiter

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz():
    """200 {"status": "ok"} when the database answers, 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        # The kind of failure only: its text can name the database's host and user.
        current_app.logger.warning("healthz: the database did not answer (%s)",
                                   type(error).__name__)
        response = jsonify(status="unavailable", database="unreachable")
        response.status_code = 503
    else:
        response = jsonify(status="ok")
    response.headers["Cache-Control"] = "no-store"
    return response
