"""PNG charts for the DOCX report, built with matplotlib from plain numbers.

matplotlib is imported inside the functions (its first import costs ~0.75 s) with the Agg
backend: no display, safe in a server process.
"""
import textwrap
from io import BytesIO

FACT_COLOUR, PLAN_COLOUR = "#1f5fa8", "#b0b7c3"
DONE_COLOURS = ("#2e7d32", "#66bb6a", "#ef6c00", "#b0b7c3")
DPI = 150


def _pyplot():
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot
    pyplot.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})
    return pyplot


def _png(figure, pyplot) -> bytes:
    buffer = BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=DPI)
    pyplot.close(figure)
    return buffer.getvalue()


def _wrap(label: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(label, width)[:4])


def plan_fact(labels: list[str], facts: list[float | None], plans: list[float | None],
              fact_label: str, plan_label: str) -> bytes:
    """Horizontal bars per indicator: the plan behind, the fact in front (percent)."""
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(7.0, 0.75 * len(labels) + 1.0))
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
    return _png(figure, pyplot)


def stacked_counts(labels: list[str], series: list[tuple[str, list[int]]]) -> bytes:
    """Horizontal stacked bars per school (measures by state)."""
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(7.0, 0.5 * len(labels) + 1.2))
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
    return _png(figure, pyplot)
