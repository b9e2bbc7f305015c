"""Views to list, add and open people."""
from flask import Blueprint, redirect, request, url_for
from wtforms import SelectChoice

from ..conversations.forms import StartForm
from ..conversations.models import reviews_of
from ..extensions import db
from ..rendering import render
from .forms import PersonForm
from .models import Person

bp = Blueprint("people", __name__)


def _all_people():
    return db.session.scalars(db.select(Person).order_by(Person.name)).all()


@bp.get("/")
def index():
    """Everyone, to pick the employee whose review it is."""
    return render("people/index.html", "content", people=_all_people())


@bp.route("/people/new", methods=["GET", "POST"])
def create():
    """Add a person; with a manager, they can be reviewed right away."""
    # The posted fields only: Flask-WTF would also take an uploaded file for a name.
    form = PersonForm(formdata=request.form or None).set_managers(_all_people())
    if form.validate_on_submit():
        person = Person(name=form.name.data.strip(),
                        job_title=(form.job_title.data or "").strip() or None,
                        manager_id=form.manager.data or None)
        db.session.add(person)
        db.session.commit()
        return redirect(url_for("people.show", person_id=person.id), code=303)
    status = 422 if form.errors else 200
    return render("people/new.html", "content", status=status, form=form)


@bp.get("/people/<id:person_id>")
def show(person_id):
    """One person: their reviews so far and a form to start the next one."""
    person = db.get_or_404(Person, person_id)
    return render_person(person, start_form_for(person))


def start_form_for(person, formdata=None):
    form = StartForm(formdata=formdata) if formdata is not None else StartForm()
    form.manager.choices = [SelectChoice(p.id, p.name) for p in _all_people()
                            if p.id != person.id]
    if formdata is None and person.manager_id:
        form.manager.data = person.manager_id
    return form


def render_person(person, form, status=200):
    conversations = db.session.scalars(reviews_of(person.id)).all()
    return render("people/show.html", "content", status=status, person=person,
                  conversations=conversations, form=form)
