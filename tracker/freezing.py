"""One home for «this period is closed», so that the indicators and the report need not know how
periods are closed. The feature that closes periods registers its answers here; everything that
changes a municipality's figures of a period (targets, typed values, the report's narrative)
asks `ensure_editable` first, and the indicators read `submitted_values` of a closed period."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass
class Closings:
    # (municipality id, period code) -> raises a DomainError when the period is closed
    guard: Callable[[int, str], None]
    # (level, period, codes) -> the submitted IndicatorValues, or None while the period is open
    values: Callable
    # (municipality id, period code) -> when the figures shown were submitted, or None
    submitted_at: Callable[[int, str], datetime | None]
    # (municipality id, period code) -> the stored row of the DOCX as submitted, or None
    submitted_report: Callable[[int, str], object | None]
    # (municipality id, period code) -> "submitted" or "approved" while closed, else None
    closed_state: Callable[[int, str], str | None]


_registered: list[Closings] = []


def register(closings: Closings) -> None:
    _registered[:] = [closings]


def ensure_editable(municipality_id: int | None, period_code: str) -> None:
    if municipality_id is not None:
        for closings in _registered:
            closings.guard(municipality_id, period_code)


def submitted_values(level, period, codes=None):
    for closings in _registered:
        found = closings.values(level, period, codes)
        if found is not None:
            return found
    return None


def submitted_report(municipality_id: int, period_code: str):
    """The stored file row (storage.send / storage.open_file) of the submitted DOCX."""
    for closings in _registered:
        found = closings.submitted_report(municipality_id, period_code)
        if found is not None:
            return found
    return None


def closed_state(municipality_id: int, period_code: str) -> str | None:
    for closings in _registered:
        found = closings.closed_state(municipality_id, period_code)
        if found is not None:
            return found
    return None


def submitted_at(municipality_id: int, period_code: str) -> datetime | None:
    for closings in _registered:
        found = closings.submitted_at(municipality_id, period_code)
        if found is not None:
            return found
    return None
