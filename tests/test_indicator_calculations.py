"""Indicator maths without a database: sums of parts, never averages of percentages."""
from decimal import Decimal

from tracker.indicators.calculations import (Fraction, Status, Unit, fact_value, plan_of, status,
                                             total)


def test_shares_sum_numerators_and_denominators():
    small, large = Fraction(1, 2), Fraction(10, 100)   # 50 % and 10 %
    assert total([small, large]) == Fraction(11, 102)
    assert round(total([small, large]).percent, 1) == 10.8   # not the 30 % an average gives


def test_empty_scope_has_no_percentage():
    assert total([]).percent is None
    assert fact_value(Unit.PERCENT, None) is None


def test_status_against_target():
    assert status(50.4, Decimal("100")) == Status.NOT_ACHIEVED
    assert status(100.0, Decimal("100")) == Status.ACHIEVED
    assert status(85.71, Decimal("85.7")) == Status.ACHIEVED
    assert status(None, Decimal("100"), expected=True) == Status.EXPECTED
    assert status(None, None) == Status.NO_DATA
    assert status(12.0, None) == Status.NO_TARGET


def test_counts_and_yes_no():
    assert fact_value(Unit.COUNT, Fraction(7, 0)) == 7.0
    assert fact_value(Unit.YES_NO, None, True) == 1.0


def test_plan_of_a_plan_fact_count_is_its_own_plan_unless_a_target_is_set():
    assert plan_of(None, Fraction(7, 8), plan_in_records=True) == 8
    assert plan_of(Decimal("6"), Fraction(7, 8), plan_in_records=True) == Decimal("6")
    assert plan_of(None, Fraction(0, 0), plan_in_records=True) is None   # nothing planned
    assert plan_of(None, Fraction(252, 500)) is None  # a share has no plan of its own
    assert status(7.0, plan_of(None, Fraction(7, 8), plan_in_records=True)) \
        == Status.NOT_ACHIEVED
    assert status(8.0, plan_of(None, Fraction(8, 8), plan_in_records=True)) == Status.ACHIEVED
