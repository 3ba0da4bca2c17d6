"""The synthetic data of a scale, generated in memory, deterministic (seeded per region)."""
import random

from benchmark.gen_catalogue import catalogue_50
from benchmark.gen_places import reference_lists, region
from benchmark.gen_teachers import school_staff
from benchmark.gen_work import municipal_events, school_work, targets
from benchmark.rows import Rows
from benchmark.scales import PERIOD, Scale, split

# Bump when the generated data change: bench databases of another version are rebuilt.
DATA_VERSION = "2"


def generate(scale: Scale, domains: list[tuple[int, str]]) -> Rows:
    """All rows of `scale`; `domains`: (id, name) of the deficit domains already in the database."""
    rows = Rows()
    shared = reference_lists(rows)
    for number, size in enumerate(scale.regions, start=1):
        rng = random.Random(f"bench-region-{number}")
        info = region(rows, rng, number, size)
        staff = split(size.teachers, size.schools, rng, spread=0.6)
        for school, teachers in zip(info.schools, staff):
            school_staff(rows, rng, school, teachers, domains)
            school_work(rows, rng, school, shared["directions"][PERIOD.year])
        for municipality_id in info.municipality_ids:
            municipal_events(rows, rng, municipality_id, [
                school for school in info.schools if school.municipality_id == municipality_id])
        targets(rows, rng, info)
        if number == 1:
            catalogue_50(rows, info)
    return rows
