"""Growth of a community's figure over the years: «120 → 300 за 4 года, +150 %»."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.i18n import number, percent


@dataclass(frozen=True)
class Growth:
    first_year: int
    last_year: int
    first: int
    last: int

    @property
    def years(self) -> int:
        """The years the figures cover (2019 to 2022: four years)."""
        return self.last_year - self.first_year + 1

    @property
    def percent(self) -> float | None:
        return 100.0 * (self.last - self.first) / self.first if self.first else None

    def text(self) -> str:
        span = ngettext("%(num)s year", "%(num)s years", self.years)
        change = self.percent
        if change is None:
            return _("%(first)s → %(last)s over %(span)s", first=number(self.first),
                     last=number(self.last), span=span)
        sign = "+" if change >= 0 else "−"
        digits = 0 if round(change, 1).is_integer() else 1
        return _("%(first)s → %(last)s over %(span)s, %(change)s",
                 first=number(self.first), last=number(self.last), span=span,
                 change=sign + percent(abs(change), digits))


def growth(metrics, field: str) -> Growth | None:
    """From the first to the last year with the figure known; None with fewer than two years."""
    known = sorted((m.year, getattr(m, field)) for m in metrics
                   if getattr(m, field) is not None)
    if len(known) < 2:
        return None
    (first_year, first), (last_year, last) = known[0], known[-1]
    return Growth(first_year, last_year, first, last)
