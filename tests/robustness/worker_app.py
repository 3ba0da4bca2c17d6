"""gunicorn tests.robustness.worker_app:app — the production WSGI app, each response naming the
worker process that served it (so a test can tell that both workers took part)."""
import os

from wsgi import app as tracker_app


def app(environ, start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker", str(os.getpid()))], exc_info)
    return tracker_app(environ, start)
