"""Counting methodical developments: per organization, as of a day (a development counts from
the day it reached its level), by how far they spread and where they are published. Authors are
counted once per organization (the same name on two developments is one teacher)."""
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select

from tracker.db import db
from tracker.network.development_models import (MethodicalDevelopment, Publication, Reach,
                                                author_names)


@dataclass(frozen=True)
class Spread:
    """Which developments a figure counts."""
    key: str
    counts: Callable[[MethodicalDevelopment], bool]


SPREADS = (
    Spread("municipal", lambda d: d.reaches(Reach.MUNICIPAL)),
    Spread("regional", lambda d: d.reaches(Reach.REGIONAL)),
    Spread("online", lambda d: d.publication is not None),
    Spread("school_site", lambda d: d.publication == Publication.SCHOOL_SITE),
)
SPREAD = {spread.key: spread for spread in SPREADS}


def developments_as_of(school_ids: Select | list[int], day: date) -> list[MethodicalDevelopment]:
    return list(db.session.scalars(select(MethodicalDevelopment).where(
        MethodicalDevelopment.school_id.in_(school_ids), MethodicalDevelopment.dated_on <= day)))


def per_organization(developments: list[MethodicalDevelopment],
                     spread: Spread) -> dict[int, tuple[int, int]]:
    """{school_id: (developments, authors)} of the developments the spread counts."""
    counted: dict[int, list[MethodicalDevelopment]] = defaultdict(list)
    for development in developments:
        if spread.counts(development):
            counted[development.school_id].append(development)
    return {school_id: (len(found), len(_authors(found))) for school_id, found in counted.items()}


def summary(developments: list[MethodicalDevelopment]) -> list[tuple[Spread, int, int]]:
    """Per spread: (spread, developments, authors) over all the organizations given."""
    rows = []
    for spread in SPREADS:
        figures = per_organization(developments, spread).values()
        rows.append((spread, sum(n for n, _a in figures), sum(a for _n, a in figures)))
    return rows


def _authors(developments: list[MethodicalDevelopment]) -> set[str]:
    return {name.lower() for d in developments for name in author_names(d.authors)}
