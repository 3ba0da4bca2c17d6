"""The application on a real threaded server on loopback, and a small browser-like client.

On PostgreSQL (TEST_DATABASE_URL) the server shares the test app and its database; on SQLite it
gets a database file of its own, since an in-memory database is not shared between threads.
"""
import html
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar

from werkzeug.serving import make_server

from tests.factories import PASSWORD

REQUEST_TIMEOUT = 60  # seconds: a hung server fails the test instead of hanging the suite


@contextmanager
def serving(app):
    """The app on a free port of 127.0.0.1, answering as in production (no propagated errors)."""
    propagate = app.config.get("PROPAGATE_EXCEPTIONS")
    app.config["PROPAGATE_EXCEPTIONS"] = False
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(REQUEST_TIMEOUT)
        app.config["PROPAGATE_EXCEPTIONS"] = propagate


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status: int, text: str, location: str | None):
        self.status, self.text, self.location = status, text, location


class Browser:
    """One person's cookies; GET and POST answer with the status, the page and its redirect."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect())

    def open(self, path: str, data: dict | None = None) -> Response:
        body = None if data is None else urllib.parse.urlencode(data, doseq=True).encode()
        try:
            with self.opener.open(self.base + path, body, timeout=REQUEST_TIMEOUT) as answer:
                return Response(answer.status, answer.read().decode(), answer.headers["Location"])
        except urllib.error.HTTPError as answer:
            return Response(answer.code, answer.read().decode(errors="replace"),
                            answer.headers["Location"])

    def get(self, path: str) -> Response:
        return self.open(path)

    def post(self, path: str, data: dict) -> Response:
        return self.open(path, data)

    def sign_in(self, login: str, password: str = PASSWORD) -> Response:
        page = self.get("/login")
        return self.post("/login", {"login": login, "password": password,
                                    "csrf_token": hidden(page.text, "csrf_token")})


def hidden(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page) or \
        re.search(rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', page)
    assert match, f"no field {name} on the page"
    return html.unescape(match.group(1))


def form_values(page: str) -> dict[str, str]:
    """What a browser would send back from the page's inputs and selected options."""
    values = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name, value = re.search(r'name="([^"]*)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and 'type="submit"' not in tag and 'type="checkbox"' not in tag:
            values[html.unescape(name.group(1))] = html.unescape(value.group(1) if value else "")
    for name, options in re.findall(r'<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option[^>]*selected[^>]*value="([^"]*)"', options) or \
            re.search(r'<option[^>]*value="([^"]*)"[^>]*selected', options) or \
            re.search(r'<option[^>]*value="([^"]*)"', options)
        values[name] = html.unescape(chosen.group(1)) if chosen else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', page, re.S):
        values[name] = html.unescape(text)
    return values
