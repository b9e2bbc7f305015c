"""The follow-up page, an agreement done or moved, interim check-ins.

Marking done and moving a due date go through `may_follow_up`, never through the
review's editing check: a review that both signed stays read-only, while what was
agreed in it is still followed up.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from flask import abort, flash, redirect, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from ..clock import local_today
from ..access import (is_admin, may_follow_up, may_hold_check_in, may_plan_check_in,
                      may_see_check_in, person_or_404, viewer_person_id)
from ..audit.models import Action
from ..audit.recorder import paused, record
from ..conversations.models import Agreement, AgreementStatus, Conversation, reviews_of
from ..extensions import db
from ..people.models import Person, utcnow
from ..rendering import render
from ..urls import local_target
from . import bp
from .forms import CheckInForm, DoneForm, MoveForm, PlanCheckInForm
from .models import CheckIn

PER_PAGE = 20
SOON_DAYS = 14
SORTS = ("due", "person")
SHOWS = ("open", "overdue", "soon")


# --- who is followed up ----------------------------------------------------------------

def people_followed():
    """The viewer and the people they manage (an employee: themselves only)."""
    me = viewer_person_id()
    return db.session.scalars(
        db.select(Person).where((Person.id == me) | (Person.manager_id == me))
        .order_by(Person.id != me, Person.stored_name, Person.id)).all()


def _agreement_or_404(agreement_id):
    agreement = db.session.get(Agreement, agreement_id)
    if agreement is None or not may_follow_up(agreement):
        abort(404)
    return agreement


def _check_in_or_404(check_in_id, writing=False):
    check_in = db.session.get(CheckIn, check_in_id)
    if check_in is None or not may_see_check_in(check_in):
        abort(404)
    if writing and not may_hold_check_in(check_in):
        abort(403)
    return check_in


# --- the follow-up page ----------------------------------------------------------------

def _choice(name, allowed):
    value = request.args.get(name)
    return value if value in allowed else allowed[0]


def _number(name):
    """A positive whole number from the query, or None (a bad value falls back)."""
    value = request.args.get(name, "")
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        return None
    return int(value) or None


@dataclass
class PersonRow:
    person: Person
    last_review: Conversation | None
    next_review_on: date | None
    next_check_in: CheckIn | None
    open_count: int = 0
    overdue_count: int = 0


def _person_rows(people, today):
    ids = [p.id for p in people]
    reviews = db.session.scalars(db.select(Conversation).where(
        Conversation.employee_id.in_(ids))
        .order_by(Conversation.held_on, Conversation.id)).all()
    check_ins = db.session.scalars(db.select(CheckIn).where(
        CheckIn.employee_id.in_(ids), CheckIn.held_at.is_(None))
        .order_by(CheckIn.planned_on, CheckIn.id)).all()
    rows = {}
    for person in people:
        held = [r for r in reviews if r.employee_id == person.id and r.held_on <= today]
        planned = [r for r in reviews if r.employee_id == person.id and r.held_on > today]
        last = held[-1] if held else None
        next_on = planned[0].held_on if planned else (last.next_evaluation_on if last
                                                      else None)
        rows[person.id] = PersonRow(person, last, next_on, next(
            (c for c in check_ins if c.employee_id == person.id), None))
    open_due = db.session.execute(
        db.select(Conversation.employee_id, _deadline()).join(Agreement.conversation)
        .where(Agreement.status == AgreementStatus.OPEN,
               Conversation.employee_id.in_(ids))).all()
    for employee_id, deadline in open_due:
        rows[employee_id].open_count += 1
        if deadline is not None and deadline < today:
            rows[employee_id].overdue_count += 1
    return list(rows.values()), check_ins


def _deadline():
    """An agreement's deadline: its date, unless that is when it starts ("vanaf …")."""
    return db.case((Agreement.due_is_start, None), else_=Agreement.due_on)


def _open_agreements(ids):
    return (db.select(Agreement).join(Agreement.conversation)
            .join(Person, Person.id == Conversation.employee_id)
            .where(Agreement.status == AgreementStatus.OPEN,
                   Conversation.employee_id.in_(ids)))


def _counts(ids, today):
    soon_until = today + timedelta(days=SOON_DAYS)
    count = db.func.count(Agreement.id)
    base = _open_agreements(ids).with_only_columns(count)
    return {
        "open": db.session.scalar(base),
        "overdue": db.session.scalar(base.where(_deadline() < today)),
        "soon": db.session.scalar(base.where(_deadline() >= today,
                                             _deadline() <= soon_until)),
    }


@bp.get("/follow-up")
def index():
    """Open agreements and check-ins between reviews: a manager's people, or an
    employee's own. HR sees that reviews happen (the people page), not this."""
    if is_admin():
        return render("followup/index.html", "content", hr=True)
    today = local_today()
    people = people_followed()
    ids = [p.id for p in people]
    sort, show = _choice("sort", SORTS), _choice("show", SHOWS)
    person_id = _number("person")
    if person_id not in ids:
        person_id = None
    chosen = [person_id] if person_id else ids
    query = _open_agreements(chosen)
    if show == "overdue":
        query = query.where(_deadline() < today)
    elif show == "soon":
        query = query.where(_deadline() >= today,
                            _deadline() <= today + timedelta(days=SOON_DAYS))
    last_due = Agreement.due_on.is_(None)
    if sort == "person":
        query = query.order_by(Person.stored_name, Person.id, last_due, Agreement.due_on,
                               Agreement.id)
    else:
        query = query.order_by(last_due, Agreement.due_on, Person.stored_name,
                               Agreement.id)
    page = _number("page") or 1
    agreements = db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)
    if agreements.pages and page > agreements.pages:
        agreements = db.paginate(query, page=agreements.pages, per_page=PER_PAGE,
                                 error_out=False)
    rows, check_ins = _person_rows(people, today)
    if len(rows) > 1:  # a manager with nothing of their own: their people only
        rows = [r for r in rows if r.person.id != viewer_person_id() or r.last_review
                or r.next_review_on or r.next_check_in or r.open_count]
    state = {"sort": sort, "show": show, "person": person_id}
    return render("followup/index.html", "content", hr=False, today=today,
                  soon_until=today + timedelta(days=SOON_DAYS), rows=rows,
                  check_ins=check_ins, agreements=agreements, counts=_counts(chosen, today),
                  state=state, people=people, me=viewer_person_id(),
                  page_url=_page_url(state), **_row_forms(agreements.items))


def _page_url(state):
    def page_url(**changes):
        values = {**state, **changes}
        defaults = {"sort": SORTS[0], "show": SHOWS[0], "page": 1}
        return url_for("followup.index", **{k: v for k, v in values.items()
                                            if v and defaults.get(k) != v})
    return page_url


def _row_forms(agreements):
    """Each open agreement's two small forms (done, move), under their own prefix."""
    return {
        "done_forms": {a.id: DoneForm(formdata=None, prefix=f"done-{a.id}")
                       for a in agreements},
        "move_forms": {a.id: MoveForm(formdata=None, prefix=f"move-{a.id}",
                                      data={"due_on": a.due_on}) for a in agreements},
        "may_follow_up": may_follow_up,
    }


# --- an agreement done or moved --------------------------------------------------------

def _back():
    return redirect(local_target(request.form.get("next")), code=303)


def _refused(agreement, message=None, **forms):
    context = _row_forms([agreement])
    context["done_forms"][agreement.id] = forms.get("done") or \
        context["done_forms"][agreement.id]
    context["move_forms"][agreement.id] = forms.get("move") or \
        context["move_forms"][agreement.id]
    return render("followup/agreement.html", "content", status=422, agreement=agreement,
                  message=message, today=local_today(),
                  soon_until=local_today() + timedelta(days=SOON_DAYS),
                  back=local_target(request.form.get("next")), **context)


def _not_open(agreement):
    return _refused(agreement, _("This agreement is no longer open: it was done, "
                                 "dropped or taken into a later review."))


@bp.post("/follow-up/agreements/<id:agreement_id>/done")
def mark_done(agreement_id):
    """Mark an open agreement done, on the day given (today by default)."""
    agreement = _agreement_or_404(agreement_id)
    form = DoneForm(formdata=request.form, prefix=f"done-{agreement.id}")
    if agreement.status is not AgreementStatus.OPEN:
        return _not_open(agreement)
    if not form.validate():
        return _refused(agreement, done=form)
    with paused():  # one line that says what happened, instead of "status changed"
        agreement.status = AgreementStatus.DONE
        agreement.done_on = form.done_on.data
    record(Action.AGREEMENT_DONE, agreement.conversation,
           item=form.done_on.data.isoformat(), item_id=agreement.id)
    db.session.commit()
    flash(_("Agreement marked done on %(date)s.",
            date=format_date(form.done_on.data, "long")))
    return _back()


@bp.post("/follow-up/agreements/<id:agreement_id>/move")
def move(agreement_id):
    """Give an open agreement a new due date; a calendar sees the change."""
    agreement = _agreement_or_404(agreement_id)
    form = MoveForm(formdata=request.form, prefix=f"move-{agreement.id}")
    if agreement.status is not AgreementStatus.OPEN:
        return _not_open(agreement)
    if not form.validate():
        return _refused(agreement, move=form)
    old, new = agreement.due_on, form.due_on.data
    if new != old:
        with paused():
            agreement.due_on = new
            agreement.updated_at = utcnow()
        record(Action.AGREEMENT_MOVED, agreement.conversation,
               item=f"{old.isoformat() if old else '-'} {new.isoformat()}",
               item_id=agreement.id)
        db.session.commit()
    flash(_("Due date moved to %(date)s.", date=format_date(new, "long")))
    return _back()


# --- interim check-ins -----------------------------------------------------------------

def check_ins_of(person):
    """A person's check-ins: planned ones first (soonest first), then those held."""
    return db.session.scalars(db.select(CheckIn).where(CheckIn.employee_id == person.id)
                              .order_by(CheckIn.held_at.is_not(None),
                                        CheckIn.planned_on, CheckIn.id)).all()


def person_context(person, check_in_form=None):
    """What the person's page shows of check-ins: to the person and the manager side,
    never to HR; the form to plan one for their manager."""
    if is_admin() or not (person.id == viewer_person_id() or may_plan_check_in(person)):
        return {"check_ins": None, "check_in_form": None}
    if check_in_form is None and may_plan_check_in(person):
        check_in_form = PlanCheckInForm(formdata=None)
    return {"check_ins": check_ins_of(person), "check_in_form": check_in_form,
            "today": local_today()}


@bp.post("/people/<id:person_id>/check-ins")
def plan_check_in(person_id):
    """The manager plans an interim check-in with one of their people."""
    from ..people.routes import render_person, start_form_for
    person = person_or_404(person_id)
    if not may_plan_check_in(person):
        abort(403)
    form = PlanCheckInForm(formdata=request.form)
    if not form.validate():
        return render_person(person, start_form_for(person), status=422,
                             check_in_form=form)
    latest = db.session.scalar(reviews_of(person.id).limit(1))
    check_in = CheckIn(employee_id=person.id, manager_id=viewer_person_id(),
                       review_id=latest.id if latest else None,
                       planned_on=form.planned_on.data)
    db.session.add(check_in)
    db.session.commit()
    flash(_("Check-in planned on %(date)s.",
            date=format_date(form.planned_on.data, "long")))
    return redirect(url_for("people.show", person_id=person.id) + "#check-ins", code=303)


def _render_check_in(check_in, form=None, status=200, message=None):
    writing = may_hold_check_in(check_in)
    if form is None and writing:
        form = CheckInForm(formdata=None, data={"note": check_in.note,
                                               "next_step": check_in.next_step})
    agreements = db.session.scalars(
        _open_agreements([check_in.employee_id])
        .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id)).all()
    today = local_today()
    return render("followup/check_in.html", "content", status=status, check_in=check_in,
                  form=form if writing else None, agreements=agreements, today=today,
                  soon_until=today + timedelta(days=SOON_DAYS), message=message,
                  **_row_forms(agreements))


@bp.get("/check-ins/<id:check_in_id>")
def check_in(check_in_id):
    return _render_check_in(_check_in_or_404(check_in_id))


@bp.post("/check-ins/<id:check_in_id>")
def save_check_in(check_in_id):
    """Save the note and the next step; 'held' marks the check-in as held (now)."""
    check_in = _check_in_or_404(check_in_id, writing=True)
    form = CheckInForm(formdata=request.form)
    if not form.validate():
        return _render_check_in(check_in, form, status=422)
    check_in.note = (form.note.data or "").strip() or None
    check_in.next_step = (form.next_step.data or "").strip() or None
    if request.form.get("held") and check_in.held_at is None:
        check_in.held_at = utcnow()
        flash(_("Check-in saved as held."))
    else:
        flash(_("Check-in saved."))
    db.session.commit()
    return redirect(url_for("followup.check_in", check_in_id=check_in.id), code=303)


@bp.post("/check-ins/<id:check_in_id>/delete")
def delete_check_in(check_in_id):
    """A planned check-in that will not happen goes; one that was held stays."""
    check_in = _check_in_or_404(check_in_id, writing=True)
    if check_in.held_at is not None:
        return _render_check_in(check_in, status=422, message=_(
            "A check-in that was held stays on record; only a planned one can be "
            "deleted."))
    person_id = check_in.employee_id
    db.session.delete(check_in)
    db.session.commit()
    flash(_("Planned check-in deleted."))
    return redirect(url_for("people.show", person_id=person_id) + "#check-ins", code=303)
