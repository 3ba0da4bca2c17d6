"""PNG charts for the DOCX report, built with matplotlib from plain numbers.

matplotlib is imported inside the functions (its first import costs ~0.75 s). Figures are made
with its object interface, not pyplot's global state, so threads of one worker may draw at once.
A chart is a pure function of its numbers and labels: the last ones drawn are kept per process
and a report downloaded again with the same figures reuses them (drawing was about 40 % of a
report's build).
"""
import textwrap
from functools import lru_cache, wraps
from io import BytesIO

FACT_COLOUR, PLAN_COLOUR = "#1f5fa8", "#b0b7c3"
DONE_COLOURS = ("#2e7d32", "#66bb6a", "#ef6c00", "#b0b7c3")
DPI = 150
KEPT_CHARTS = 64


def _figure(width: float, height: float):
    from matplotlib import rcParams
    from matplotlib.figure import Figure
    rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})
    figure = Figure(figsize=(width, height))
    return figure, figure.subplots()


def _png(figure) -> bytes:
    buffer = BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _frozen(value):
    """Lists as tuples, labels as plain text (a lazy translation as the words it reads now)."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if value is None or isinstance(value, int | float):
        return value
    return str(value)


def remembered(draw):
    """`draw` called once per distinct arguments (lists compared by their items)."""
    cached = lru_cache(maxsize=KEPT_CHARTS)(draw)

    @wraps(draw)
    def chart(*args):
        return cached(*(_frozen(arg) for arg in args))
    chart.cache_clear, chart.cache_info = cached.cache_clear, cached.cache_info
    return chart


def _wrap(label: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(label, width)[:4])


@remembered
def plan_fact(labels: list[str], facts: list[float | None], plans: list[float | None],
              fact_label: str, plan_label: str) -> bytes:
    """Horizontal bars per indicator: the plan behind, the fact in front (percent)."""
    figure, axes = _figure(7.0, 0.75 * len(labels) + 1.0)
    positions = list(range(len(labels)))[::-1]
    axes.barh([p + 0.18 for p in positions], [v or 0 for v in plans], height=0.36,
              color=PLAN_COLOUR, label=plan_label)
    bars = axes.barh([p - 0.18 for p in positions], [v or 0 for v in facts], height=0.36,
                     color=FACT_COLOUR, label=fact_label)
    for bar, value in zip(bars, facts):
        text = "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"
        axes.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, text,
                  va="center", fontsize=8)
    axes.set_yticks(positions, [_wrap(label) for label in labels])
    axes.set_xlim(0, 115)
    axes.xaxis.set_major_formatter(lambda value, _position: f"{value:.0f} %")
    axes.legend(loc="lower right", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


@remembered
def stacked_counts(labels: list[str], series: list[tuple[str, list[int]]]) -> bytes:
    """Horizontal stacked bars per school (measures by state)."""
    figure, axes = _figure(7.0, 0.5 * len(labels) + 1.2)
    positions = list(range(len(labels)))[::-1]
    left = [0] * len(labels)
    for (name, values), colour in zip(series, DONE_COLOURS):
        axes.barh(positions, values, left=left, color=colour, label=name, height=0.6)
        left = [a + b for a, b in zip(left, values)]
    axes.set_yticks(positions, [_wrap(label, 30) for label in labels])
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(series), fontsize=8,
                frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
