"""Russian labels (English msgids) of the teachers' statuses and lists."""
from flask_babel import lazy_gettext as _l

from tracker.teachers.models import (Activity, CourseProvider, CourseTopic, DiagnosticProvider,
                                     Level, MentoringForm, MentorshipStatus, PlanStatus)

LEVEL = {Level.HIGH: _l("high"), Level.MEDIUM: _l("medium"), Level.LOW: _l("low")}
DIAGNOSTIC_PROVIDER = {DiagnosticProvider.CNPPM: _l("ЦНППМ"), DiagnosticProvider.IRO: _l("ИРО"),
                       DiagnosticProvider.SCHOOL: _l("the school"),
                       DiagnosticProvider.OTHER: _l("other")}
PLAN_STATUS = {PlanStatus.DRAFT: _l("draft"), PlanStatus.APPROVED: _l("approved"),
               PlanStatus.DONE: _l("completed")}
ACTIVITY = {Activity.COURSE: _l("course (КПК)"), Activity.INTERNSHIP: _l("internship"),
            Activity.WEBINAR: _l("webinar"), Activity.METHODICAL_UNION: _l("ШМО/ГМО"),
            Activity.MENTORING: _l("mentoring"), Activity.SELF_STUDY: _l("self-study")}
MENTORING_FORM = {MentoringForm.TEACHER_TEACHER: _l("teacher – teacher"),
                  MentoringForm.PEER_TO_PEER: _l("peer to peer"),
                  MentoringForm.MANAGER_TEACHER: _l("manager – teacher"),
                  MentoringForm.EXPERIENCED_YOUNG: _l("experienced – young specialist")}
MENTORSHIP_STATUS = {MentorshipStatus.ACTIVE: _l("active"),
                     MentorshipStatus.FINISHED: _l("finished"),
                     MentorshipStatus.CANCELLED: _l("cancelled")}
COURSE_PROVIDER = {CourseProvider.ACADEMY: _l("Академия Минпросвещения"),
                   CourseProvider.IRO: _l("ИРО"), CourseProvider.OTHER: _l("other")}
COURSE_TOPIC = {CourseTopic.SUBJECT: _l("subject teaching"),
                CourseTopic.FUNCTIONAL_LITERACY: _l("functional literacy"),
                CourseTopic.UPDATED_STANDARDS: _l("the updated ФГОС"),
                CourseTopic.INFORMATION_SECURITY: _l("information security"),
                CourseTopic.INCLUSION: _l("ФГОС ОВЗ, groups at risk and prevention"),
                CourseTopic.OTHER: _l("another direction")}
# One name for a teacher's plan wherever it is shown: the indicator's «индивидуальная программа
# развития», not «индивидуальный образовательный маршрут».
PLAN_NAME = _l("Individual development plan")
PLAN_NAMES = _l("Individual development plans")
IMPORT_KIND = {"teachers": _l("Teachers"), "diagnostics": _l("Diagnostic results"),
               "courses": _l("Course completions")}


def choices(labels: dict) -> list[tuple[str, str]]:
    return [(key.value if hasattr(key, "value") else key, label) for key, label in labels.items()]


def register(app) -> None:
    app.jinja_env.globals["teacher_labels"] = {
        "level": LEVEL, "diagnostic_provider": DIAGNOSTIC_PROVIDER, "plan_status": PLAN_STATUS,
        "activity": ACTIVITY, "mentoring_form": MENTORING_FORM,
        "mentorship_status": MENTORSHIP_STATUS, "course_provider": COURSE_PROVIDER,
        "course_topic": COURSE_TOPIC, "import_kind": IMPORT_KIND, "plan_name": PLAN_NAME, "plan_names": PLAN_NAMES}
