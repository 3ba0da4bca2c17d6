"""Ways to make the database stop answering, and come back: a held lock, a cut connection."""
import os
import select
import socket
import sqlite3
import threading
from contextlib import contextmanager

import psycopg
from sqlalchemy.engine import make_url


@contextmanager
def held_lock(database_url: str, table: str = "users"):
    """Another session holds an exclusive lock: on PostgreSQL on `table`, on SQLite on the file."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(url.database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    else:
        holder = psycopg.connect(url.set(drivername="postgresql").render_as_string(False))
        holder.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        holder.rollback() if not isinstance(holder, sqlite3.Connection) else \
            holder.execute("ROLLBACK")
        holder.close()


class Cable:
    """A TCP relay between the app and PostgreSQL that can be cut (every connection dropped,
    new ones refused) and joined again on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = None
        self.listener = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()

    def join(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread (Linux)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while True:
                ready, _, _ = select.select([a, b], [], [], 60)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    (b if source is a else a).sendall(data)
        except (OSError, ValueError):  # cut: the sockets are closed under the relay
            return
        finally:
            a.close()
            b.close()


def postgresql_target() -> tuple[str, int] | None:
    raw = os.environ.get("TEST_DATABASE_URL")
    if not raw:
        return None
    url = make_url(raw)
    return url.host or "127.0.0.1", url.port or 5432
