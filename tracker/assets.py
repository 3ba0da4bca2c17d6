"""Vendored assets (Plotly's cartesian bundle, its Russian locale): versioned names, cached for a
year, served gzipped.

Municipal networks are closed and slow: the browser downloads the chart bundle once (1.50 MB,
0.50 MB compressed, with its locale) and keeps it; a new version gets a new file name.
"""
import gzip
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, request, send_from_directory

from tracker.permissions import public

bp = Blueprint("assets", __name__)

VENDOR_DIR = Path(__file__).parent / "static" / "vendor"
YEAR = 365 * 24 * 3600
PLOTLY = "plotly-cartesian-4.1.1.min.js"
PLOTLY_LOCALE = "plotly-locale-ru-3.7.0.js"
CHART_BUNDLES = (PLOTLY, PLOTLY_LOCALE)


@lru_cache(maxsize=8)
def _gzipped(name: str) -> bytes:
    return gzip.compress((VENDOR_DIR / name).read_bytes(), compresslevel=6)


@bp.route("/favicon.ico")
@public
def favicon():
    """Browsers ask for /favicon.ico on their own; answer with the SVG icon instead of a 404."""
    return send_from_directory(Path(__file__).parent / "static", "favicon.svg",
                               mimetype="image/svg+xml", max_age=YEAR)


@bp.route("/assets/<name>")
@public
def vendor(name: str):
    if "/" in name or not (VENDOR_DIR / name).is_file():
        abort(404)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = Response(_gzipped(name), mimetype=_mimetype(name))
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
    else:
        response = send_from_directory(VENDOR_DIR, name)
    response.cache_control.public = True
    response.cache_control.max_age = YEAR
    response.cache_control.immutable = True
    return response


def _mimetype(name: str) -> str:
    return "text/css" if name.endswith(".css") else "text/javascript"


def register(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["chart_bundles"] = CHART_BUNDLES
