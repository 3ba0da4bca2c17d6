"""What a stored value is called on the page: the labels of every status, kind and role (one
source, gathered from the features' own label lists), of the audit's actions, and of the models
and their fields where a page shows them by name (the audit log).

Codes (`in_progress`, `Measure`, `due_on`) never reach a page: a page asks here.
"""
from collections.abc import Mapping

from flask_babel import lazy_gettext as _l

from tracker.addressed import labels as addressed
from tracker.closing import lifecycle as closing
from tracker.indicators.calculations import Direction, Unit
from tracker.indicators.metrics import LOW_RESULT, PROJECT_500
from tracker.indicators.models import Level, Source
from tracker.network import labels as network
from tracker.notifications.models import KIND_TITLES as NOTIFICATION_KINDS
from tracker.programs import forms as programs
from tracker.risks.forms import LEVEL_LABELS
from tracker.storage.checks import CONTENT_TYPES
from tracker.teachers import labels as teachers
from tracker.periods import PERIODICITY_NAMES
from tracker.ui import ORG_TYPE_LABELS, ROLE_LABELS
from tracker.visits import forms as visits

ACTION_LABELS = {
    "create": _l("created"), "update": _l("changed"), "delete": _l("deleted"),
    "denied": _l("access denied"), "login": _l("signed in"),
    "login_failed": _l("failed sign-in"), "logout": _l("signed out"),
    "import": _l("imported"), "purge": _l("personal data removed"),
    "personal_viewed": _l("personal data viewed"),
    "personal_exported": _l("personal data exported"),
}
WARNING_ACTIONS = ("denied", "login_failed")

ACTOR_ROLE_LABELS = {**ROLE_LABELS, "cli": _l("command line"), "anonymous": _l("not signed in")}

VISIBILITY_LABELS = dict(visits.VISIBILITY_CHOICES)

# the indicator catalogue: what an indicator's stored codes are called
UNIT_LABELS = {Unit.PERCENT: _l("share, %"), Unit.COUNT: _l("count"),
               Unit.YES_NO: _l("yes / no"), Unit.NUMBER: _l("number")}
INDICATOR_LEVEL_LABELS = {Level.SCHOOL: _l("per school"),
                          Level.MUNICIPALITY: _l("per municipality")}
SOURCE_LABELS = {Source.COMPUTED: _l("computed from the records"),
                 Source.ENTERED: _l("entered by hand")}
DIRECTION_LABELS = {Direction.HIGHER: _l("higher is better"),
                    Direction.LOWER: _l("lower is better")}
SCHOOL_STATUS_LABELS = {LOW_RESULT: _l("low-result schools (ШНОР)"),
                        PROJECT_500: _l("schools of the project «500+»")}
# every metric registered by a feature (tracker/*/indicators.py), by its code
METRIC_LABELS = {
    "teachers_with_plan": _l("Teachers with individual development plans"),
    "teachers_diagnosed": _l("Teachers who passed the diagnostics of deficits"),
    "teachers_courses_3y": _l("Teachers with courses in the last 3 years"),
    "schools_with_mentoring": _l("Schools running mentoring programs"),
    "schools_in_competitions": _l("Schools that sent teachers to competitions"),
    "measures_on_time": _l("Measures done on time"),
    "evidence_accepted": _l("Done measures with accepted evidence"),
    "visits": _l("Curator visits (done of planned)"),
    "organizations_in_communities": _l("Organizations taking part in network communities"),
    "teachers_in_communities": _l("Teachers taking part in network communities"),
    "communities": _l("Network communities with members"),
    "development_authors_municipal": _l("Teachers with methodical developments presented at "
                                        "the municipal level or higher"),
    "development_authors_regional": _l("Teachers with methodical developments that passed the "
                                       "regional expert review"),
    "development_authors_online": _l("Teachers with methodical developments published online"),
    "development_authors_school_site": _l("Teachers publishing methodical materials on the "
                                          "school's website"),
    "school_site_materials": _l("Methodical materials published on the school's website"),
}


def metric_label(code: str | None) -> str:
    """A metric in words; one without a label (a feature forgot it) keeps a neutral name."""
    return str(METRIC_LABELS.get(code or "", _l("Metric of the records")))


# (model, field) -> the labels of its values
VALUE_LABELS: dict[tuple[str, str], Mapping] = {
    ("User", "role"): ROLE_LABELS,
    ("School", "org_type"): ORG_TYPE_LABELS,
    ("RiskProfileEntry", "level"): LEVEL_LABELS,
    ("Measure", "status"): programs.MEASURE_LABELS,
    ("Evidence", "verdict"): programs.VERDICT_LABELS,
    ("ConceptDocument", "kind"): programs.DOCUMENT_KIND_LABELS,
    ("ConceptDocument", "status"): programs.REVIEW_LABELS,
    ("AntiRiskProgram", "status"): programs.REVIEW_LABELS,
    ("ReviewTransition", "from_status"): programs.REVIEW_LABELS,
    ("ReviewTransition", "to_status"): programs.REVIEW_LABELS,
    ("Visit", "kind"): visits.KIND_LABELS,
    ("Visit", "format"): visits.FORMAT_LABELS,
    ("Visit", "status"): visits.STATUS_LABELS,
    ("Recommendation", "status"): visits.RECOMMENDATION_LABELS,
    ("VisitNote", "visibility"): VISIBILITY_LABELS,
    ("VisitAttachment", "visibility"): VISIBILITY_LABELS,
    ("Community", "kind"): network.COMMUNITY_KINDS,
    ("ClusterMembership", "rank"): network.CLUSTER_RANKS,
    ("MethodicalEvent", "kind"): network.EVENT_KINDS,
    ("MethodicalDevelopment", "kind"): network.DEVELOPMENT_KINDS,
    ("AddressedRecommendation", "status"): addressed.STATUSES,
    ("AddressedStep", "action"): addressed.STEPS,
    ("MethodicalDevelopment", "reach"): network.REACHES,
    ("MethodicalDevelopment", "publication"): network.PUBLICATIONS,
    ("MethodicalEvent", "level"): network.EVENT_LEVELS,
    ("EventParticipation", "role"): network.ROLES,
    ("NetworkTarget", "indicator"): network.INDICATORS,
    ("DiagnosticResult", "level"): teachers.LEVEL,
    ("Diagnostic", "provider"): teachers.DIAGNOSTIC_PROVIDER,
    ("DevelopmentPlan", "status"): teachers.PLAN_STATUS,
    ("Mentorship", "form"): teachers.MENTORING_FORM,
    ("Mentorship", "status"): teachers.MENTORSHIP_STATUS,
    ("CourseCompletion", "provider"): teachers.COURSE_PROVIDER,
    ("CourseCompletion", "topic"): teachers.COURSE_TOPIC,
    ("Indicator", "unit"): UNIT_LABELS,
    ("Indicator", "periodicity"): PERIODICITY_NAMES,
    ("Indicator", "level"): INDICATOR_LEVEL_LABELS,
    ("Indicator", "source"): SOURCE_LABELS,
    ("Indicator", "direction"): DIRECTION_LABELS,
    ("Indicator", "metric"): METRIC_LABELS,
    ("Notification", "kind"): NOTIFICATION_KINDS,
    ("PeriodClosing", "state"): closing.STATE_LABELS,
    ("PeriodStep", "step"): closing.STEP_LABELS,
}

OBJECT_LABELS = {
    "AntiRiskProgram": _l("Anti-risk program"), "AuditEvent": _l("Audit log entry"),
    "ClusterMembership": _l("Cluster membership"),
    "Community": _l("Community"), "CommunityGroup": _l("Community group"),
    "CommunityMemberCount": _l("Community members"),
    "CommunityMetric": _l("Community figures for a year"),
    "ConceptDocument": _l("Concept document"), "Notification": _l("Notification"),
    "CourseCompletion": _l("Course completion"),
    "CoverageSetting": _l("Visit coverage setting"),
    "CuratorAssignment": _l("Curator assignment"), "DeficitDomain": _l("Deficit domain"),
    "DevelopmentPlan": teachers.PLAN_NAME, "Diagnostic": _l("Diagnostic"),
    "DiagnosticResult": _l("Diagnostic result"), "DocumentVersion": _l("Document version"),
    "EnteredValue": _l("Indicator value"), "EventParticipation": _l("Event participation"),
    "Evidence": _l("Evidence"), "GroupKind": _l("Kind of community group"),
    "GroupMember": _l("Member of a community group"), "Indicator": _l("Indicator"),
    "IndicatorTarget": _l("Indicator target"),
    "Installation": _l("Demo data"), "LegalForm": _l("Legal form"), "Measure": _l("Measure"),
    "MeasureComment": _l("Comment on a measure"), "MentoringProgram": _l("Mentoring program"),
    "Mentorship": _l("Mentorship"), "MethodicalEvent": _l("Methodical event"),
    "MethodicalDevelopment": _l("Methodical development"),
    "AddressedRecommendation": _l("Recommendation of the region"),
    "AddressedStep": _l("Step of a recommendation of the region"),
    "Municipality": _l("Municipality"), "NetworkNoteText": _l("Text of the analytical note"),
    "NetworkTarget": _l("Network target"),
    "OrganizationStaffCount": _l("Staff count"), "PlanItem": _l("Plan item"),
    "PeriodClosing": _l("Period of a municipality"), "PeriodDeadline": _l("Submission deadline"),
    "PeriodSnapshot": _l("Submitted figures"), "PeriodStep": _l("Step of a period"),
    "ProgramIndicator": _l("Program indicator"), "Recommendation": _l("Recommendation"),
    "RecommendationEvent": _l("Answer to a recommendation"), "Region": _l("Region"),
    "ReportNarrative": _l("Report text"), "ResultCategory": _l("Result category"),
    "ReviewTransition": _l("Review step"), "RiskDirection": _l("Risk direction"),
    "RiskProfile": _l("Risk profile"), "RiskProfileEntry": _l("Risk profile entry"),
    "School": _l("School"), "SchoolText": _l("Report paragraph on a school"), "SchoolYearStatus": _l("School's status in the year"),
    "SignInFailure": _l("Failed sign-in"),
    "SuggestedMeasure": _l("Suggested measure"), "Teacher": _l("Teacher"), "User": _l("User"),
    "Visit": _l("Visit"), "VisitAttachment": _l("Visit attachment"),
    "VisitNote": _l("Visit note"), "VisitParticipant": _l("Visit participant"),
}

# A field's name, whatever the model (overrides per model below)
FIELD_LABELS = {
    "action": _l("Action"), "activity": _l("Activity"), "threshold": _l("Threshold"),
    "indicator_code": _l("Indicator"), "issued_by_id": _l("Issued by"),
    "numerator_at_issue": _l("Figure at issue: numerator"),
    "denominator_at_issue": _l("Figure at issue: denominator"), "actor_id": _l("Who"),
    "agenda": _l("Agenda"), "approval_order": _l("Approval order"),
    "approved_on": _l("Approved on"), "at": _l("When"), "author_id": _l("Author"),
    "base_school_id": _l("Base school"), "baseline": _l("Baseline"),
    "category_id": _l("Result category"), "code": _l("Indicator"),
    "comment": _l("Comment"), "comment_consultations": _l("Comment: consultations"),
    "comment_events": _l("Comment: events"), "comment_indicators": _l("Comment: indicators"),
    "comment_measures": _l("Comment: measures"), "comment_network": _l("Comment: network"),
    "comment_schools": _l("Comment: schools"), "comment_shortage": _l("Comment: staff shortage"),
    "comment_teachers": _l("Comment: teachers"), "community_id": _l("Community"),
    "completed_on": _l("Completed on"), "conclusions": _l("Conclusions"),
    "content_type": _l("File type"), "coordinator": _l("Coordinator"),
    "curator_id": _l("Curator"), "data_version": _l("Data version"), "deficit": _l("Deficit"),
    "deficits": _l("Deficits"), "denominator": _l("Of"), "diagnostic_id": _l("Diagnostic"),
    "direction_id": _l("Risk direction"), "document_id": _l("Document"),
    "documents_sound": _l("Documents in order"), "domain_id": _l("Deficit domain"),
    "done_on": _l("Done on"), "due_on": _l("Due date"), "email": _l("E-mail"),
    "ends_on": _l("Ends on"), "entered_at": _l("Entered at"), "entered_by_id": _l("Entered by"),
    "event_id": _l("Event"), "evidence_kind": _l("Evidence"),
    "evidence_present": _l("Evidence present"), "expected_result": _l("Expected result"),
    "expected_results": _l("Expected results"), "experience_years": _l("Experience, years"),
    "findings": _l("Findings"), "flag": _l("Value"), "form": _l("Form"),
    "format": _l("Format"), "from_status": _l("From status"), "full_name": _l("Full name"),
    "goal": _l("Goal"), "held_on": _l("Held on"), "host_school_id": _l("Host school"),
    "hours": _l("Hours"), "indicator": _l("Indicator"), "is_active": _l("Active"),
    "is_chosen": _l("Chosen for the program"), "is_done": _l("Done"),
    "is_federal_registry": _l("In the federal registry"), "is_project_500": _l("In the project «500+»"),
    "is_purged": _l("Personal data removed"), "is_verified": _l("Verified"),
    "kind": _l("Kind"), "reach": _l("Reach"), "publication": _l("Published"),
    "authors": _l("Authors"), "dated_on": _l("Date"), "last_login_at": _l("Last sign-in"), "legal_form": _l("Legal form"),
    "lessons_observed": _l("Lessons observed"),
    "lessons_observed_count": _l("Number of lessons observed"), "level": _l("Level"),
    "loaded_at": _l("Loaded at"), "login": _l("Login"),
    "measure_id": _l("Measure"), "measures_on_time": _l("Measures on time"),
    "members": _l("Members"), "mentee_id": _l("Mentee"), "mentor_id": _l("Mentor"),
    "municipality_id": _l("Municipality"), "name": _l("Name"), "name_key": _l("Name for search"),
    "network_teachers": _l("In network communities"), "nomination": _l("Nomination"),
    "note": _l("Note"), "number": _l("Number"), "numerator": _l("Counted"),
    "order_text": _l("Order"), "org_type": _l("Organization type"),
    "original_name": _l("File name"), "participants_count": _l("Number of participants"),
    "password_hash": _l("Password"), "period": _l("Period"), "plan_id": _l("Plan"),
    "planned": _l("Planned"), "planned_on": _l("Planned for"), "position": _l("Position"),
    "position_in_list": _l("Place in the list"), "priorities": _l("Priorities"),
    "profile_id": _l("Risk profile"), "program_basis": _l("Program basis"),
    "program_goal": _l("Program goal"), "program_id": _l("Program"),
    "program_tasks": _l("Program tasks"), "program_title": _l("Course"),
    "provider": _l("Provider"), "purpose": _l("Purpose"), "rank": _l("Rank"),
    "reason": _l("Reason"), "recommendation_id": _l("Recommendation"),
    "region_id": _l("Region"), "replaces_id": _l("Replaces"), "responsible": _l("Responsible"),
    "result": _l("Result"), "result_form": _l("Result form"),
    "reviewed_at": _l("Reviewed at"), "reviewed_by_id": _l("Reviewed by"),
    "risk_direction_id": _l("Risk direction"),
    "risk_profile_discussed": _l("Risk profile discussed"), "roadmap_basis": _l("Roadmap basis"),
    "listing_document": _l("Document of the list"), "listing_number": _l("Number of the document"),
    "listing_date": _l("Date of the document"), "listing_title": _l("Title of the document"),
    "curator_algorithm": _l("The curator's algorithm"),
    "municipal_teachers_trained": _l("Teachers of the municipality trained"),
    "municipal_teachers_total": _l("All teachers of the municipality"),
    "listeners_academy": _l("Listeners: Academy, registry"),
    "listeners_iro_registry": _l("Listeners: ИРО, registry"),
    "listeners_iro_other": _l("Listeners: ИРО, outside the registry"),
    "region_listeners_academy": _l("Region's listeners: Academy, registry"),
    "region_listeners_iro_registry": _l("Region's listeners: ИРО, registry"),
    "region_listeners_iro_other": _l("Region's listeners: ИРО, outside the registry"),
    "role": _l("Role"), "school_id": _l("School"), "score": _l("Score"),
    "session_epoch": _l("Sessions"), "signatory_name": _l("Signatory"),
    "signatory_position": _l("Signatory's position"), "size": _l("Size"),
    "sort_key": _l("Sort order"), "source": _l("Source"), "stale_after_days": _l("Flag after, days"),
    "starts_on": _l("Starts on"), "status": _l("Status"),
    "status_changed_at": _l("Status changed at"), "stored_name": _l("Stored file"),
    "subjects": _l("Subjects"), "target": _l("Target"), "task": _l("Task"),
    "tasks": _l("Tasks"), "teacher_id": _l("Teacher"), "teachers": _l("Number of teachers"),
    "text": _l("Text"), "theme": _l("Theme"), "title": _l("Title"),
    "topic": _l("Direction"), "to_status": _l("To status"),
    "unit": _l("Unit"), "uploaded_at": _l("Uploaded at"), "uploaded_by_id": _l("Uploaded by"),
    "url": _l("Link"), "link": _l("Link"), "value": _l("Value"), "verdict": _l("Verdict"),
    "verdict_comment": _l("Reviewer's comment"), "verification_comment": _l("Verification comment"),
    "verified_at": _l("Verified at"), "verified_by_id": _l("Verified by"),
    "visibility": _l("Who sees it"), "visit_id": _l("Visit"), "visited_on": _l("Visited on"),
    "year": _l("Year"),
    # what a purge records of its rewrites, what an export records
    "visit_participants": _l("Visit participants renamed"),
    "visit_texts": _l("Visit texts rewritten"), "audit_events": _l("Audit events rewritten"),
    "audit_event_ids": _l("Rewritten audit events"), "export": _l("Export"),
    # what a denied attempt records
    "path": _l("Page"), "method": _l("Request"), "endpoint": _l("Page"),
    # closing a period
    "state": _l("State"), "state_since": _l("Since"), "step": _l("Step"), "by_id": _l("Who"),
    "closing_id": _l("Period"), "taken_at": _l("Taken at"), "figures": _l("Figures"),
    "narrative": _l("Report text"), "sha256": _l("Checksum"),
}
FIELD_OVERRIDES = {
    ("DeficitDomain", "position"): _l("Order"), ("ResultCategory", "position"): _l("Order"),
    ("RiskDirection", "position"): _l("Order"), ("SuggestedMeasure", "position"): _l("Order"),
    ("Measure", "title"): _l("Measure"), ("EnteredValue", "numerator"): _l("Counted"),
    ("Indicator", "name_ru"): _l("Name"),
    ("Indicator", "name_en"): _l("Name in English"), ("Indicator", "level"): _l("Counted at"),
    ("Indicator", "periodicity"): _l("Periodicity"), ("Indicator", "direction"): _l("Better when"),
    ("Indicator", "expected_month"): _l("Month the value is due"),
    ("Indicator", "metric"): _l("Metric"), ("Indicator", "filters"): _l("Filters"),
    ("Indicator", "is_retired"): _l("Retired"),
    ("Indicator", "in_report_table"): _l("In the report's table"),
    ("Notification", "user_id"): _l("Recipient"),
}
# fields a reader of the audit does not need (technical, or shown elsewhere)
HIDDEN_FIELDS = {"id", "name_key", "sort_key", "stored_name", "endpoint", "method", "session_epoch",
                 "params", "link_endpoint", "link_args", "due_key"}
DENIAL_REASONS = {"role": _l("the role may not open it"), "scope": _l("outside the user's scope"),
                  "edit": _l("may view but not change")}


# what an audited export was, whatever it exported from
EXPORT_LABELS = {"visit_sheet": _l("visit sheet (DOCX)"), "report_docx": _l("report (DOCX)")}
# a stored file's type, whatever holds the file
FILE_TYPE_LABELS = {
    CONTENT_TYPES["pdf"]: "PDF", CONTENT_TYPES["docx"]: _l("Word document (DOCX)"),
    CONTENT_TYPES["xlsx"]: _l("Excel workbook (XLSX)"), CONTENT_TYPES["odt"]: _l("text document (ODT)"),
    CONTENT_TYPES["jpg"]: _l("image (JPEG)"), CONTENT_TYPES["png"]: _l("image (PNG)"),
}
# fields whose values mean the same in every model
FIELD_VALUE_LABELS = {"export": EXPORT_LABELS, "content_type": FILE_TYPE_LABELS}


def value_label(model: str, field: str, value) -> str | None:
    """The label of a stored code, None when the field holds no code."""
    labels = FIELD_VALUE_LABELS.get(field) or VALUE_LABELS.get((model, field))
    if labels is None or value not in labels:
        return None
    return str(labels[value])


def object_label(model: str) -> str:
    return str(OBJECT_LABELS.get(model, model))


def field_label(model: str, field: str) -> str:
    return str(FIELD_OVERRIDES.get((model, field)) or FIELD_LABELS.get(field, field))


def filter_words(filters: dict | None) -> list[str]:
    """A computed indicator's filters in words: «ДОО», «ШНОР», «сообщество „…“»."""
    from tracker.indicators.metrics import COMMUNITY, ORG_TYPE, STATUS
    words = []
    filters = filters or {}
    for org_type in filters.get(ORG_TYPE) or ():
        words.append(str(ORG_TYPE_LABELS.get(org_type, org_type)))
    if filters.get(STATUS):
        words.append(str(SCHOOL_STATUS_LABELS.get(filters[STATUS], filters[STATUS])))
    if filters.get(COMMUNITY):
        words.append(str(_l("community «%(name)s»", name=filters[COMMUNITY])))
    return words
