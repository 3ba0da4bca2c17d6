"""The speed goals, next to the figures they judge.

«Within 3× of the bare SQL» is judged twice: against the bare SQL of the bench (one indicator,
teachers_with_plan, for the scope: what the issue names) and against the page's own statements
replayed on the driver (every indicator, the trend, the school list: the database work the page
cannot avoid, so the ratio is the cost of the application around it).
"""
from dataclasses import dataclass

# «the vendored chart bundle is under 1.5 MB», MB meaning 1 000 000 bytes (not a MiB, 1 048 576)
BUNDLE_MAX_BYTES = 1_500_000
# the municipal dashboards, timed in the region database and in the national one
SAME_COST_CASES = ("page.municipality", "page.municipality.50")
SAME_COST_TOLERANCE = 1.25  # nation / region: «the same» within timing noise


@dataclass(frozen=True)
class Limit:
    case: str
    scale: str
    engine: str
    max_ms: float | None = None
    max_ratio: float | None = None  # × the bare SQL, and × the case's own SQL

    def applies(self, case: str, scale: str, engine: str) -> bool:
        return (self.case, self.scale, self.engine) == (case, scale, engine)

    def verdict(self, result) -> str:
        parts = []
        if self.max_ms is not None:
            parts.append(f"< {self.max_ms:g} ms {mark(result.ms < self.max_ms)}")
        if self.max_ratio is not None:
            for ratio, of_what in ((result.ratio, "bare SQL"), (result.sql_ratio, "its SQL")):
                if ratio is not None:
                    parts.append(f"≤ {self.max_ratio:g}× {of_what} {mark(ratio <= self.max_ratio)}")
        return ", ".join(parts)


LIMITS = (
    Limit("page.municipality", "region", "sqlite", max_ms=150, max_ratio=3),
    # a catalogue of 50 indicators: the goals of the municipal dashboard, unchanged
    Limit("page.municipality.50", "region", "sqlite", max_ms=150, max_ratio=3),
    Limit("page.region", "region", "sqlite", max_ms=150, max_ratio=3),
    Limit("page.region", "nation", "pg", max_ms=1000),
)


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def verdict(case: str, scale: str, engine: str, result) -> str:
    return "; ".join(limit.verdict(result) for limit in LIMITS
                     if limit.applies(case, scale, engine))
