"""A school's staff view (diagnosed or not, deficit profile, mentoring), the municipal courses
table, and the reference list of deficit domains."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from tracker import audit
from tracker.auth.forms import EmptyForm
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError, StaleEdit
from tracker.periods import HalfYear
from tracker.permissions import (STAFF_EDITORS, can_edit_staff, get_visible_or_404,
                                 role_required, signed_in, visible_school_ids, visible_schools)
from tracker.schools.models import School
from tracker.teachers import queries, services
from tracker.teachers.forms import (DomainForm, MentoringProgramForm, MentorshipForm,
                                    PeriodFilterForm)
from tracker.teachers.models import (CourseProvider, DeficitDomain, Diagnostic,
                                     MentoringProgram, Mentorship, Teacher)
from tracker.teachers.views import bp


def _staff_school(school_id: int) -> School:
    school = get_visible_or_404(School, school_id)
    if not can_edit_staff(current_user, school):
        audit.record_denied(object_type="School", object_id=school_id, reason="edit")
        abort(403)
    return school


def _mentorship_form(school: School, formdata=None) -> MentorshipForm:
    form = MentorshipForm(formdata)
    people = [(t.id, t.full_name) for t in db.session.scalars(
        select(Teacher).where(Teacher.school_id == school.id, Teacher.is_active.is_(True))
        .order_by(Teacher.full_name))]
    form.mentor_id.choices = form.mentee_id.choices = people
    return form


def _program_form(program: MentoringProgram | None) -> MentoringProgramForm:
    form = MentoringProgramForm(obj=program)
    form.version.data = str(program.version) if program else "0"
    return form


def _period_form(school: School) -> tuple[PeriodFilterForm, HalfYear]:
    """The half-year asked for; by default the one of the school's latest diagnostic."""
    form = PeriodFilterForm(request.args)
    period = form.period.period
    if period is None:
        latest = db.session.scalar(select(func.max(Diagnostic.held_on)).join(Teacher).where(
            Teacher.school_id == school.id))
        period = HalfYear.containing(latest or date.today())
    form.period.data = period.code
    return form, period


@bp.route("/schools/<int:school_id>")
@signed_in
def school_staff(school_id: int, mentorship_form=None, program_form=None):
    school = get_visible_or_404(School, school_id)
    diagnosed = exists().where(Diagnostic.teacher_id == Teacher.id)
    staff = db.session.execute(select(Teacher, diagnosed).where(
        Teacher.school_id == school.id, Teacher.is_active.is_(True))
        .order_by(Teacher.full_name)).all()
    program = db.session.scalar(select(MentoringProgram).where(
        MentoringProgram.school_id == school.id))
    pairs = db.session.scalars(select(Mentorship).where(Mentorship.school_id == school.id)
                               .options(selectinload(Mentorship.mentor),
                                        selectinload(Mentorship.mentee))
                               .order_by(Mentorship.starts_on.desc())).all()
    domains = db.session.scalars(select(DeficitDomain).order_by(DeficitDomain.position)).all()
    editable = can_edit_staff(current_user, school)
    form, period = _period_form(school)
    return render_template(
        "teachers/school.html", school=school, staff=staff, program=program, pairs=pairs,
        domains=domains, profile=queries.deficit_profile(school.id), can_edit=editable,
        form=form, period=period,
        running=school.id in queries.schools_running_mentoring([school.id], period),
        with_course=queries.teachers_with_recent_course(
            [school.id], on=period.ends_on).get(school.id, 0),
        with_plan=queries.teachers_with_plan([school.id], period=period).get(school.id, 0),
        mentorship_form=mentorship_form or (_mentorship_form(school) if editable else None),
        program_form=program_form or (_program_form(program) if editable else None),
        post_form=EmptyForm())


@bp.route("/schools/<int:school_id>/mentorships", methods=["POST"])
@role_required(*STAFF_EDITORS)
def mentorship_new(school_id: int):
    school = _staff_school(school_id)
    form = _mentorship_form(school, request.form)
    if form.validate_on_submit():
        try:
            services.add_mentorship(school_id=school.id,
                                    mentor=db.session.get(Teacher, form.mentor_id.data),
                                    mentee=db.session.get(Teacher, form.mentee_id.data),
                                    form=form.form.data, starts_on=form.starts_on.data)
        except DomainError as error:
            form.mentee_id.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The mentoring pair has been added."), "success")
            return redirect(url_for(".school_staff", school_id=school.id))
    return school_staff(school.id, mentorship_form=form)


@bp.route("/mentorships/<int:mentorship_id>/end", methods=["POST"])
@role_required(*STAFF_EDITORS)
def mentorship_end(mentorship_id: int):
    pair = get_visible_or_404(Mentorship, mentorship_id, edit=True)
    if EmptyForm().validate_on_submit():
        services.end_mentorship(pair, on=date.today())
        db.session.commit()
        flash(_("The mentoring pair has ended."), "success")
    return redirect(url_for(".school_staff", school_id=pair.school_id))


@bp.route("/schools/<int:school_id>/program", methods=["POST"])
@role_required(*STAFF_EDITORS)
def program_save(school_id: int):
    school = _staff_school(school_id)
    form = MentoringProgramForm()
    if form.validate_on_submit():
        try:
            services.save_program(school_id=school.id, title=form.title.data,
                                  approved_on=form.approved_on.data,
                                  approval_order=form.approval_order.data,
                                  version=form.version.data)
        except StaleEdit as error:
            db.session.rollback()
            form.title.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The mentoring program has been saved."), "success")
            return redirect(url_for(".school_staff", school_id=school.id))
    return school_staff(school.id, program_form=form)


@bp.route("/courses")
@signed_in
def courses():
    form = PeriodFilterForm(request.args)
    period = form.period.period or HalfYear.containing(date.today()).previous()
    form.period.data = period.code
    schools = db.session.scalars(visible_schools(current_user).order_by(School.sort_key)).all()
    listeners = queries.course_listeners(visible_school_ids(current_user), period)
    columns = [(CourseProvider.ACADEMY, True), (CourseProvider.IRO, True),
               (CourseProvider.IRO, False), (CourseProvider.OTHER, True),
               (CourseProvider.OTHER, False)]
    rows = [(school, [listeners.get((school.id, p, r), 0) for p, r in columns])
            for school in schools
            if any(listeners.get((school.id, p, r)) for p, r in columns)]
    totals = [sum(row[1][i] for row in rows) for i in range(len(columns))]
    return render_template("teachers/courses.html", form=form, period=period, rows=rows,
                           columns=columns, totals=totals)


@bp.route("/domains", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def domains():
    form = DomainForm()
    if form.validate_on_submit():
        try:
            services.add_domain(name=form.name.data)
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The domain has been added."), "success")
            return redirect(url_for(".domains"))
    items = db.session.scalars(select(DeficitDomain).order_by(DeficitDomain.position)).all()
    return render_template("teachers/domains.html", form=form, domains=items)


@bp.route("/domains/<int:domain_id>/toggle", methods=["POST"])
@role_required(Role.ADMIN)
def domain_toggle(domain_id: int):
    domain = db.get_or_404(DeficitDomain, domain_id)
    if EmptyForm().validate_on_submit():
        domain.is_active = not domain.is_active
        db.session.commit()
    return redirect(url_for(".domains"))
