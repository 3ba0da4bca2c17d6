"""Every model module, imported so that the metadata (and Alembic) sees every table."""
from tracker.audit import AuditEvent  # noqa: F401
from tracker.auth.models import CuratorAssignment, User  # noqa: F401
from tracker.demo.models import Installation  # noqa: F401
from tracker.schools.models import (  # noqa: F401
    Municipality,
    Region,
    ResultCategory,
    School,
    SchoolYearStatus,
)
from tracker.indicators.models import EnteredValue, IndicatorTarget  # noqa: F401
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
