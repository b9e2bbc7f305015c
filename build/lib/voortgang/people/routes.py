"""Views to list, add, change and open people."""
from flask import Blueprint, abort, redirect, request, url_for
from wtforms import SelectChoice

from ..access import (is_admin, manages, may_change_person, may_see_review, person_or_404,
                      require_admin, viewer_person_id, visible_people)
from ..audit.lines import person_lines
from ..conversations.forms import StartForm
from ..conversations.models import latest_reviews, reviews_of
from ..extensions import db
from ..rendering import render
from .forms import PersonForm
from .models import Person

bp = Blueprint("people", __name__)


def _all_people():
    return db.session.scalars(db.select(Person).order_by(Person.name)).all()


@bp.get("/")
def index():
    """The people the viewer may open: HR sees everyone, a manager their team."""
    people = db.session.scalars(visible_people()).all()
    me = viewer_person_id()
    # HR sees that reviews happen: each person's last review and the next one.
    latest = latest_reviews([p.id for p in people]) if is_admin() else {}
    return render("people/index.html", "content", people=people, latest=latest,
                  me=next((p for p in people if p.id == me), None),
                  team=[p for p in people if p.id != me])


@bp.route("/people/new", methods=["GET", "POST"])
def create():
    """HR adds a person; with a manager, they can be reviewed right away."""
    require_admin()
    # The posted fields only: Flask-WTF would also take an uploaded file for a name.
    form = PersonForm(formdata=request.form or None).set_managers(_possible_managers())
    if form.validate_on_submit():
        person = Person()
        _fill(form, person)
        db.session.add(person)
        db.session.commit()
        return redirect(url_for("people.show", person_id=person.id), code=303)
    status = 422 if form.errors else 200
    return render("people/new.html", "content", status=status, form=form, person=None)


@bp.route("/people/<id:person_id>/edit", methods=["GET", "POST"])
def edit(person_id):
    """HR changes a person's name, job title or manager (moving them to another team)."""
    require_admin()
    person = person_or_404(person_id)
    if not may_change_person(person):
        abort(404)
    form = PersonForm(data={"name": person.name, "job_title": person.job_title,
                            "manager": person.manager_id or 0})
    form.set_managers([p for p in _possible_managers() if p.id != person.id])
    if form.validate_on_submit():
        _fill(form, person)
        db.session.commit()
        return redirect(url_for("people.show", person_id=person.id), code=303)
    status = 422 if form.errors else 200
    return render("people/new.html", "content", status=status, form=form, person=person)


def _possible_managers():
    """Everyone but HR's own person: an administrator who named themselves someone's
    manager would open that person's reviews, which HR does not read."""
    return [p for p in _all_people() if p.id != viewer_person_id()]


def _fill(form, person):
    person.name = form.name.data.strip()
    person.job_title = (form.job_title.data or "").strip() or None
    manager_id = form.manager.data or None
    person.manager_id = None if manager_id == person.id else manager_id


@bp.get("/people/<id:person_id>")
def show(person_id):
    """One person: their reviews so far and, for their manager, a form to start the next."""
    person = person_or_404(person_id)
    return render_person(person, start_form_for(person) if manages(person) else None)


def start_form_for(person, formdata=None):
    """The review is held by the viewer, the person's manager."""
    form = StartForm(formdata=formdata) if formdata is not None else StartForm()
    me = db.session.get(Person, viewer_person_id())
    form.manager.choices = [SelectChoice(me.id, me.name)]
    if formdata is None:
        form.manager.data = me.id
    return form


def render_person(person, form, status=200, check_in_form=None):
    from ..followup.routes import person_context  # (imports this module's neighbours)
    conversations = db.session.scalars(reviews_of(person.id)).all()
    admin = is_admin()
    return render("people/show.html", "content", status=status, person=person,
                  conversations=conversations, form=form, may_open=may_see_review,
                  admin=admin, privacy_lines=person_lines(person) if admin else None,
                  **person_context(person, check_in_form))
