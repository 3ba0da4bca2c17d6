"""Rows waiting to be loaded, per table. Ids are given here, so that rows can point at each
other before anything is inserted; columns left out take the model's default when loaded."""
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta


class Rows:
    def __init__(self) -> None:
        self.tables: dict[str, list[dict]] = defaultdict(list)
        self._last_id: dict[str, int] = defaultdict(int)

    def add(self, table: str, **values) -> int:
        self._last_id[table] += 1
        values["id"] = self._last_id[table]
        self.tables[table].append(values)
        return values["id"]

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ()))

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


@dataclass
class SchoolInfo:
    """What later generators need to know of a school generated earlier."""

    id: int
    municipality_id: int
    number: int
    is_listed: bool  # on the regional list of low-result schools in the measured year
    director_id: int = 0
    curator_id: int | None = None
    teacher_ids: list[int] = field(default_factory=list)


@dataclass
class RegionInfo:
    id: int
    regional_user_id: int
    municipality_ids: list[int] = field(default_factory=list)
    curators: dict[int, list[int]] = field(default_factory=dict)  # municipality -> curator ids
    schools: list[SchoolInfo] = field(default_factory=list)


def day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability
