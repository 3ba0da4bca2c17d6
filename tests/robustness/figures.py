"""The figures of a robustness run (inputs tried, refusals, throttled attempts…), printed once
at the end of the run by tests/robustness/conftest.py."""
from collections import Counter

FIGURES: Counter = Counter()


def add(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount
