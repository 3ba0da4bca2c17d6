"""Wall-clock medians."""
import statistics
import time
from collections.abc import Callable


def median_ms(function: Callable[[], object], runs: int, warmup: int) -> float:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
