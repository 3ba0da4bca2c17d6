"""The sizes the bench builds: a tiny smoke test, one region, and the whole country.

The national database starts with exactly the region of the regional one (same seed, same ids),
so one municipality can be timed in both and its cost compared.
"""
import random
from dataclasses import dataclass

from tracker.periods import HalfYear

PERIOD = HalfYear(2022, 1)  # the half-year measured (the reference report's)
LISTING_YEARS = (2020, 2021, 2022)


@dataclass(frozen=True)
class RegionSize:
    municipalities: int
    schools: int
    teachers: int


@dataclass(frozen=True)
class Scale:
    name: str
    regions: tuple[RegionSize, ...]

    @property
    def schools(self) -> int:
        return sum(region.schools for region in self.regions)

    @property
    def teachers(self) -> int:
        return sum(region.teachers for region in self.regions)


def split(total: int, parts: int, rng: random.Random, spread: float = 0.5) -> list[int]:
    """`total` split into `parts` uneven positive integers that add up exactly."""
    weights = [1 + spread * (2 * rng.random() - 1) for _ in range(parts)]
    scale = total / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    index = 0
    while sum(sizes) != total:
        step = 1 if sum(sizes) < total else -1
        if sizes[index % parts] + step >= 1:
            sizes[index % parts] += step
        index += 1
    return sizes


THE_REGION = RegionSize(municipalities=10, schools=300, teachers=12_000)


def _country(regions: int = 85, schools: int = 5_000, teachers: int = 200_000
             ) -> tuple[RegionSize, ...]:
    """THE_REGION, then the other regions sharing what is left (about ten municipalities each)."""
    rng = random.Random("bench-country")
    others = regions - 1
    school_counts = split(schools - THE_REGION.schools, others, rng, spread=0.8)
    rest = teachers - THE_REGION.teachers
    # teachers follow schools (about 40 a school); the last region takes the rounding
    teacher_counts = [round(rest * count / (schools - THE_REGION.schools))
                      for count in school_counts]
    teacher_counts[-1] += rest - sum(teacher_counts)
    return (THE_REGION, *(RegionSize(rng.randint(6, 14), s, t)
                          for s, t in zip(school_counts, teacher_counts)))


SCALES = {
    "tiny": Scale("tiny", (RegionSize(municipalities=2, schools=6, teachers=90),)),
    "region": Scale("region", (THE_REGION,)),
    "nation": Scale("nation", _country()),
}
