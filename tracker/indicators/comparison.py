"""Two readings of the same indicators side by side: what was submitted and what the records
say now (a closed period's «изменилось после представления»)."""
from tracker.indicators.services import IndicatorValue


def differences(submitted: list[IndicatorValue], live: list[IndicatorValue]) -> dict[str, tuple]:
    """Per indicator code whose figure changed since: (submitted, live) values."""
    now = {value.indicator.code: value for value in live}
    changed = {}
    for value in submitted:
        current = now.get(value.indicator.code)
        if current is not None and (_key(value) != _key(current)):
            changed[value.indicator.code] = (value, current)
    return changed


def _key(value: IndicatorValue):
    fraction = value.fraction
    return (None if fraction is None else (fraction.numerator, fraction.denominator),
            value.direct, value.target, value.status)
