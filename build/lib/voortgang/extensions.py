"""Flask extensions, created once here and bound to the app in the factory."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx
from sqlalchemy import DateTime
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


# Timestamps are stored with their time zone (UTC), also on PostgreSQL.
Timestamp = DateTime(timezone=True)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
htmx = Htmx()
login_manager = LoginManager()
# In memory by default; RATELIMIT_STORAGE_URI (e.g. redis://) when several servers run.
limiter = Limiter(key_func=get_remote_address)
