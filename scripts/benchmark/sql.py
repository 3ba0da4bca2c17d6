"""The bare SQL: the `teachers_with_plan` aggregation (numerator and denominator per school of
the low-result schools of a scope), written by hand and run with the driver (sqlite3 /
psycopg): the floor the pages and the indicator computation are compared with."""
import re

from tracker.periods import HalfYear

_SCHOOLS = {
    "municipality": "s.municipality_id = :scope_id",
    "region": "s.municipality_id IN (SELECT m.id FROM municipalities m WHERE m.region_id = "
              ":scope_id)",
}
_SCHOOLS["municipality.50"] = _SCHOOLS["municipality"]  # the one with 50 indicators

# The shape the application uses on each engine (tracker/teachers/queries.py `_has`): EXISTS on
# SQLite; a correlated count on PostgreSQL, whose planner hashes a correlated EXISTS over the
# whole table when it expects many teachers.
HAS_PLAN = {
    "sqlite": "EXISTS (SELECT 1 FROM development_plans p "
              "WHERE p.teacher_id = t.id AND p.period = :period "
              "AND p.status IN ('approved', 'done'))",
    "pg": "(SELECT count(*) FROM development_plans p "
          "WHERE p.teacher_id = t.id AND p.period = :period "
          "AND p.status IN ('approved', 'done')) > 0",
}

PLAN_SHARE = """
SELECT t.school_id,
       SUM(CASE WHEN {has_plan} THEN 1 ELSE 0 END) AS with_plan,
       COUNT(*) AS teachers
FROM teachers t
WHERE t.is_active = TRUE
  AND t.school_id IN (SELECT s.id FROM schools s
                      JOIN school_year_statuses y ON y.school_id = s.id
                      WHERE y.year = :year AND y.category_id IS NOT NULL AND {schools})
GROUP BY t.school_id
"""


def plan_share_sql(scope: str, engine: str) -> str:
    sql = PLAN_SHARE.format(schools=_SCHOOLS[scope], has_plan=HAS_PLAN[engine])
    return sql if engine == "sqlite" else re.sub(r":(\w+)", r"%(\1)s", sql)


def plan_share(connection, scope: str, engine: str, scope_id: int, period: HalfYear
               ) -> dict[int, tuple[int, int]]:
    """{school_id: (with a plan for the period, active teachers)} straight from the driver."""
    cursor = connection.cursor()
    cursor.execute(plan_share_sql(scope, engine),
                   {"scope_id": scope_id, "year": period.year, "period": period.code})
    rows = cursor.fetchall()
    connection.rollback()
    return {school_id: (int(with_plan), int(teachers)) for school_id, with_plan, teachers in rows}


def replay(connection, statements: list[tuple[str, object]]) -> None:
    """Run statements captured from SQLAlchemy again, straight on the driver."""
    cursor = connection.cursor()
    for statement, parameters in statements:
        cursor.execute(statement, parameters)
        if cursor.description is not None:
            cursor.fetchall()
    connection.rollback()
