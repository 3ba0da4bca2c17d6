"""Every model module, imported so that the metadata (and Alembic) sees every table."""
from tracker.audit import AuditEvent  # noqa: F401
from tracker.auth.models import CuratorAssignment, SignInFailure, User  # noqa: F401
from tracker.demo.models import Installation  # noqa: F401
from tracker.schools.models import (  # noqa: F401
    Municipality,
    Region,
    ResultCategory,
    School,
    LegalForm,
    SchoolYearStatus,
)
from tracker.indicators.models import EnteredValue, Indicator, IndicatorTarget  # noqa: F401
import tracker.indicators.defaults  # noqa: F401  (a new region starts with the default catalogue)
from tracker.visits.models import (  # noqa: F401
    CoverageSetting,
    Recommendation,
    RecommendationEvent,
    Visit,
    VisitNote,
    VisitParticipant,
)
from tracker.teachers.models import (  # noqa: F401
    CourseCompletion,
    DeficitDomain,
    DevelopmentPlan,
    Diagnostic,
    DiagnosticResult,
    MentoringProgram,
    Mentorship,
    PlanItem,
    Teacher,
)
from tracker.addressed.models import AddressedRecommendation, AddressedStep  # noqa: F401
from tracker.network.development_models import MethodicalDevelopment  # noqa: F401
from tracker.network.event_models import EventParticipation, MethodicalEvent  # noqa: F401
from tracker.network.models import (  # noqa: F401
    ClusterMembership,
    Community,
    CommunityMemberCount,
    NetworkTarget,
    OrganizationStaffCount,
)
from tracker.network.group_models import (  # noqa: F401
    CommunityGroup,
    CommunityMetric,
    GroupKind,
    GroupMember,
)
from tracker.network.note_models import NetworkNoteText  # noqa: F401
from tracker.risks.models import (  # noqa: F401
    RiskDirection,
    RiskProfile,
    RiskProfileEntry,
    SuggestedMeasure,
)
from tracker.programs.models import (  # noqa: F401
    AntiRiskProgram,
    ConceptDocument,
    DocumentVersion,
    ProgramIndicator,
    ReviewTransition,
)
from tracker.programs.measure_models import Evidence, Measure, MeasureComment  # noqa: F401
from tracker.reports.models import ReportNarrative  # noqa: F401
from tracker.closing.models import (  # noqa: F401
    PeriodClosing,
    PeriodDeadline,
    PeriodSnapshot,
    PeriodStep,
)
from tracker.notifications.models import Notification  # noqa: F401
