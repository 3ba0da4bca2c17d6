"""Indicator maths on plain numbers: fractions summed up the hierarchy, statuses against targets.

Shares are aggregated by summing numerators and denominators, never by averaging percentages.
"""
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from collections.abc import Iterable


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    YES_NO = "yes_no"
    NUMBER = "number"  # any figure, fractional too: an average score, roubles


class Direction(StrEnum):
    """Which way is better: a share of trained teachers up, a share of failing pupils down."""

    HIGHER = "higher"
    LOWER = "lower"


class Status(StrEnum):
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    EXPECTED = "expected"  # an entered value not due yet
    NO_TARGET = "no_target"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Fraction:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return 100.0 * self.numerator / self.denominator

    def __add__(self, other: "Fraction") -> "Fraction":
        return Fraction(self.numerator + other.numerator, self.denominator + other.denominator)


ZERO = Fraction(0, 0)


def total(parts: Iterable[Fraction]) -> Fraction:
    result = ZERO
    for part in parts:
        result = result + part
    return result


def fact_value(unit: Unit, fraction: Fraction | None, flag: bool | None = None) -> float | None:
    """The number compared with the target: a percentage, a count or 1/0 for yes/no."""
    if unit == Unit.YES_NO:
        return None if flag is None else float(flag)
    if fraction is None:
        return None
    if unit in (Unit.COUNT, Unit.NUMBER):
        return float(fraction.numerator)
    return fraction.percent


def plan_of(target: Decimal | float | None, fraction: Fraction | None, *,
            plan_in_records: bool = False) -> Decimal | float | None:
    """What a value is measured against: the explicit target when one is set; for a plan / fact
    count (curator visits) without one, the plan kept in the records, i.e. the denominator."""
    if target is not None:
        return target
    if plan_in_records and fraction is not None and fraction.denominator:
        return fraction.denominator
    return None


def status(fact: float | None, target: Decimal | float | None, *, expected: bool = False,
           direction: Direction = Direction.HIGHER) -> Status:
    if fact is None:
        return Status.EXPECTED if expected else Status.NO_DATA
    if target is None:
        return Status.NO_TARGET
    # compare at the displayed precision so that 50,4 % against a 50,4 % target is achieved
    fact, target = round(fact, 1), round(float(target), 1)
    reached = fact <= target if direction == Direction.LOWER else fact >= target
    return Status.ACHIEVED if reached else Status.NOT_ACHIEVED
