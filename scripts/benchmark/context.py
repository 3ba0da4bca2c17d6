"""One bench database opened for measuring: the app on it, test clients signed in as the
people of the measured scope, a driver connection (sqlite3 / psycopg, with the app's per-connection
settings), and SQL capture for replays."""
import time
from contextlib import contextmanager

from flask.testing import FlaskClient
from sqlalchemy import event

from tracker import create_app
from tracker.db import db

from benchmark.database import Target
from benchmark.scales import PERIOD


class Bench:
    period = PERIOD

    def __init__(self, target: Target, scale: str) -> None:
        self.target, self.scale = target, scale
        # the production engine options (pool_pre_ping…), without HTTPS-only cookies
        self.app = create_app("development", SQLALCHEMY_DATABASE_URI=target.url)
        with self.app.app_context():  # the driver's connection, set up as the app's are
            self._pooled = db.engine.raw_connection()
        self.connection = self._pooled.driver_connection
        self.region_id = self._scalar("SELECT min(id) FROM regions")
        self.municipality_id = self._scalar(
            "SELECT min(id) FROM municipalities WHERE region_id = %d" % self.region_id)
        self.municipality_name = self._scalar(
            "SELECT name FROM municipalities WHERE id = %d" % self.municipality_id)
        # the municipality with 36 indicators of its own (benchmark/gen_catalogue.py)
        self.municipality_50_id = self._scalar(
            "SELECT min(municipality_id) FROM indicators WHERE municipality_id IS NOT NULL")
        self.municipality_50_name = self._scalar(
            "SELECT name FROM municipalities WHERE id = %d" % self.municipality_50_id)
        self.catalogue_50 = self._row(
            "SELECT count(*), count(CASE WHEN periodicity = '%s' THEN 1 END) FROM indicators "
            "WHERE (region_id = %d OR municipality_id = %d) AND is_retired = FALSE"
            % (self.period.periodicity, self.region_id, self.municipality_50_id))
        self._clients: dict[str, FlaskClient] = {}

    @property
    def engine(self) -> str:
        return self.target.engine

    def scope_id(self, scope: str) -> int:
        return {"municipality": self.municipality_id, "region": self.region_id,
                "municipality.50": self.municipality_50_id}[scope]

    def _scalar(self, sql: str):
        cursor = self.connection.cursor()
        cursor.execute(sql)
        return cursor.fetchone()[0]

    def client(self, role: str) -> FlaskClient:
        """A client with the session of the scope's coordinator or regional coordinator, opened
        the way a successful login opens it: `coordinator` is the bench municipality's,
        `coordinator.50` the one of the municipality with 50 indicators."""
        if role not in self._clients:
            column, scope = {"coordinator": ("municipality_id", self.municipality_id),
                             "coordinator.50": ("municipality_id", self.municipality_50_id),
                             "regional": ("region_id", self.region_id)}[role]
            user_id, epoch = self._row(
                f"SELECT id, session_epoch FROM users WHERE role = '{role.split('.')[0]}' "
                f"AND {column} = {scope}")
            client = self.app.test_client()
            now = int(time.time())
            with client.session_transaction() as session:
                session.update({"_user_id": f"{user_id}:{epoch}", "_fresh": True,
                                "auth_at": now, "seen_at": now})
            self._clients[role] = client
        return self._clients[role]

    def _row(self, sql: str) -> tuple:
        cursor = self.connection.cursor()
        cursor.execute(sql)
        return tuple(cursor.fetchone())

    def get(self, role: str, path: str):
        response = self.client(role).get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} as {role}: {response.status}")
        return response

    def call(self, function, *args):
        """`function(*args)` in a fresh application context (a fresh session), as a CLI would."""
        with self.app.app_context():
            return function(*args)

    @contextmanager
    def capturing(self):
        """Collect the statements the app sends to the database meanwhile."""
        statements: list[tuple[str, object]] = []

        def collect(conn, cursor, statement, parameters, context, executemany):
            statements.append((statement, parameters))

        with self.app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", collect)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", collect)

    def close(self) -> None:
        self._pooled.close()
        with self.app.app_context():
            db.engine.dispose()
