"""The application under gunicorn in production mode on loopback, and a small browser for it.

`Served` starts `gunicorn -w 2` against a database URL (and a Redis, if given) and stops it; the
`Browser` keeps its cookies, sends the CSRF token of the last form it read and may claim an
address through X-Forwarded-For (the server trusts one proxy, as behind nginx).
"""
import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers import free_ports, stop, wait_until

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: dict
    text: str

    @property
    def worker(self) -> str:
        return self.headers.get("x-worker", "")


class Served:
    def __init__(self, database_url: str, directory: Path, *, redis_url: str | None = None,
                 **settings: str):
        self.port = free_ports(1)[0]
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("TEST_DATABASE_URL", "REDIS_URL", "FLASK_APP")}
        environment.update(TRACKER_ENV="production", DATABASE_URL=database_url,
                           SECRET_KEY=secrets.token_urlsafe(48), TRUSTED_PROXY_COUNT="1",
                           UPLOAD_DIR=str(directory / "uploads"), **settings)
        if redis_url:
            environment["REDIS_URL"] = redis_url
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.log = (directory / f"gunicorn-{self.port}.log").open("wb")
        self.process = subprocess.Popen(
            [gunicorn, "--no-control-socket", "--workers", "2", "--bind", f"127.0.0.1:{self.port}", "--timeout", "30",
             "--graceful-timeout", "5", "--chdir", str(ROOT), "tests.robustness.worker_app:app"],
            env=environment, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until(lambda: self.browser().get("/login").status == 200, "gunicorn", timeout=60)
        except RuntimeError:
            self.close()
            raise

    def browser(self, address: str | None = None) -> "Browser":
        return Browser(self.port, address)

    def begin_closing(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown

    def close(self) -> None:
        self.begin_closing()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            stop(self.process)
        self.log.close()


@dataclass
class Browser:
    port: int
    address: str | None = None
    cookies: dict = field(default_factory=dict)
    token: str = ""

    def request(self, method: str, path: str, body: dict | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.address:
            headers["X-Forwarded-For"] = self.address
        encoded = None
        if body is not None:
            encoded = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=encoded, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, text)
        finally:
            connection.close()
        if match := CSRF.search(text):
            self.token = match.group(1)
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, {"csrf_token": self.token, **data})

    def sign_in(self, login: str, password: str) -> Response:
        self.get("/login")
        return self.post("/login", {"login": login, "password": password})
