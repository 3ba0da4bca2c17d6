"""WSGI entry point: gunicorn wsgi:app (and FLASK_APP for the flask command)."""
from tracker import create_app
from tracker.storage.maintenance import tidy_at_start_logged

app = create_app()
tidy_at_start_logged(app)
