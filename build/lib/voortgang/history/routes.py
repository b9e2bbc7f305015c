"""The timeline page of one person."""
from flask import abort

from ..access import may_see_review, may_see_timeline
from ..extensions import db
from ..people.models import Person
from ..rendering import render
from . import bp
from .timeline import LABELS, build_timeline


@bp.get("/people/<id:person_id>/timeline")
def timeline(person_id):
    """Reviews, check-ins and agreements, newest first, and each goal's course."""
    person = db.session.get(Person, person_id)
    if person is None or not may_see_timeline(person):
        abort(404)
    return render("history/timeline.html", "content", person=person,
                  timeline=build_timeline(person), labels=LABELS, may_open=may_see_review)
