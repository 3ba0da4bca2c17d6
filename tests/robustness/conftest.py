"""Robustness suite: what outside testing broke, kept fixed. Its figures close the run."""
from tests.robustness.figures import FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if FIGURES:
        terminalreporter.write_line("robustness: " + ", ".join(
            f"{name} {value}" for name, value in sorted(FIGURES.items())))
