"""Flask extensions, created unbound and initialised in create_app()."""
from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

login_manager = LoginManager()
csrf = CSRFProtect()
migrate = Migrate()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def login_form_account() -> str:
    """Key for throttling failed logins per account, whatever address they come from."""
    return "account:" + request.form.get("login", "").strip().lower()
