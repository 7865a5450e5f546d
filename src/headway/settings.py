"""The one settings module: every knob comes from an environment variable."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from headway.accounts.client_ip import trusted_proxies
from headway.core.datadir import data_dir_create

# src/headway/ -> repository root (where node_modules lives in a checkout).
PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, *, default: bool = False) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1 or 0.")


def env_int(name: str, default: int) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a positive whole number.")
    return value


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    raw = env_str(name, default).lower()
    if raw not in choices:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name}={raw!r} is not one of: {allowed}.")
    return raw


def env_number(name: str, default: float, *, whole: bool = False) -> float:
    """A number of zero or more; `whole` refuses fractions (days, counts)."""
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value < 0 or value != value or (whole and value != int(value)):
        kind = "a whole number" if whole else "a number"
        raise ImproperlyConfigured(f"{name}={raw!r} is not {kind} of zero or more.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env_str(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def public_url(raw: str) -> str:
    """An http(s) address without query or fragment, with no trailing slash."""
    if not raw:
        return ""
    from urllib.parse import urlsplit

    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        problem = "is not an http(s) address"
    elif parts.query or parts.fragment or parts.username or parts.password:
        problem = "must be a plain address (no query, fragment or password)"
    else:
        return raw.rstrip("/")
    raise ImproperlyConfigured(
        f"HEADWAY_PUBLIC_URL={raw!r} {problem}; e.g. https://headway.example.org."
    )


def env_json_object(name: str) -> dict[str, object]:
    raw = env_str(name)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f'{name} is not a JSON object like {{"key": 1}}.')
    return value


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("headway", appauthor=False))


def database_from_url(url: str) -> dict[str, object]:
    """Turn a postgres:// or sqlite:/// URL into a Django DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql"}:
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    if parts.scheme == "sqlite":
        return sqlite_database(Path(unquote(parts.path)))
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported; "
        "use postgresql://… or sqlite:///path."
    )


def sqlite_database(path: Path) -> dict[str, object]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # WAL lets the web server read while the CLI writes; the busy
            # timeout (seconds) waits out the other writer instead of failing.
            "timeout": 10,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=10000;"
            ),
        },
    }


def local_secret_key(data_dir: Path) -> str:
    """Generate the secret key once and keep it beside the data, owner-only."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir_create(data_dir)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


MODE = env_choice("HEADWAY_MODE", ("local", "server"), "local")
LOCAL_MODE = MODE == "local"
DEBUG = env_bool("HEADWAY_DEBUG")
DATA_DIR = Path(env_str("HEADWAY_DATA_DIR") or default_data_dir()).expanduser()

if LOCAL_MODE:
    SECRET_KEY = env_str("HEADWAY_SECRET_KEY") or local_secret_key(DATA_DIR)
else:
    SECRET_KEY = env_str("HEADWAY_SECRET_KEY")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "HEADWAY_SECRET_KEY must be set in server mode "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )

ALLOWED_HOSTS = env_list(
    "HEADWAY_ALLOWED_HOSTS",
    ["127.0.0.1", "localhost", "[::1]"] if LOCAL_MODE else [],
)

_database_url = env_str("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url)
    if _database_url
    else sqlite_database(DATA_DIR / "headway.sqlite3")
}
DATABASE_IS_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"

# Apps only the web server uses. The CLI's data commands leave them out of the
# app registry to start faster (core.bootstrap.django_setup); no data model
# points at theirs, and the CLI never deletes a user, so nothing a data
# command writes or deletes needs them. Migrations always run with every app.
WEB_APPS = (
    # The simple config skips admin autodiscovery at start-up (urls.py runs
    # it), so CLI commands, which never route a URL, start faster.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "axes",
    "csp",
)
INSTALLED_APPS = [
    WEB_APPS[0],  # the admin's templates come first
    "django.contrib.auth",
    "django.contrib.contenttypes",
    *WEB_APPS[1:],
    "headway.core",
    "headway.accounts",
    "headway.growth",
    "headway.goals",
    "headway.journal",
    "headway.network",
    "headway.sharing",
    "headway.opportunities",
    "headway.reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "headway.core.middleware.PrivateResponsesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "headway.accounts.middleware.SessionIdleMiddleware",
    "headway.accounts.middleware.BodyLimitMiddleware",
    "headway.accounts.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "headway.urls"
WSGI_APPLICATION = "headway.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "headway.core.context_processors.headway",
            ],
            # The design system's filters (when, kind_icon, meter, week_of)
            # in every template without a {% load %}.
            "builtins": ["headway.core.templatetags.headway_ui"],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reviews:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours
# Lock a user from one address, not every user behind that address (an office
# proxy); the address is the proxy's client only when the proxy is trusted.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "headway.accounts.client_ip.client_ip"
TRUSTED_PROXIES_RAW = env_list("HEADWAY_TRUSTED_PROXIES", [])
TRUSTED_PROXIES = trusted_proxies(TRUSTED_PROXIES_RAW)

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TZ") or "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
# Local mode serves static files straight from the finders; server mode
# collects them (`manage.py collectstatic`) into STATIC_ROOT.
STATIC_ROOT = None if LOCAL_MODE else DATA_DIR / "static"
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [PACKAGE_DIR / "static"]
# htmx comes from the npm registry (package.json, pinned by package-lock.json)
# and is never committed. A checkout serves it from node_modules through the
# finders; a wheel carries the copy setup.py's build hook made from there, in
# static/htmx/. Both answer at the same URL, static/htmx/htmx.min.js.
HTMX_DIST = REPO_DIR / "node_modules" / "htmx.org" / "dist"
if (REPO_DIR / "package-lock.json").is_file() and HTMX_DIST.is_dir():
    # First, so npm's pinned file wins over a copy left by an unpacked sdist.
    STATICFILES_DIRS.insert(0, ("htmx", HTMX_DIST))
else:
    HTMX_DIST = PACKAGE_DIR / "static" / "htmx"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_ROOT = DATA_DIR / "media"
# Work samples are the owner's alone, as is everything in the data directory.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Request bodies, checked before they are read (accounts.middleware): small for
# anyone not signed in, room for several work samples or an import otherwise.
BODY_MAX_ANONYMOUS = 64 * 1024
BODY_MAX = env_int("HEADWAY_MAX_REQUEST_MB", 110) * 1024 * 1024

# Sessions live in the database (so any app host can serve any request) and
# end after two weeks without a visit: the first request of each day pushes
# the expiry on (accounts.middleware.SessionIdleMiddleware), one write a day
# rather than one per request as SESSION_SAVE_EVERY_REQUEST would make.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not LOCAL_MODE:
    # Server mode sits behind TLS; these are what `check --deploy` asks for.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("HEADWAY_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Drift (issue 12): when the owner is told they are drifting. A month "scores
# low" under HEADWAY_DRIFT_MONTH_SCORE (one NEAR-complete accomplishment is 6).
DRIFT_MONTH_SCORE = env_number("HEADWAY_DRIFT_MONTH_SCORE", 6.0)
DRIFT_LOW_MONTHS = int(env_number("HEADWAY_DRIFT_LOW_MONTHS", 3, whole=True))
DRIFT_LEARNING_DAYS = int(env_number("HEADWAY_DRIFT_LEARNING_DAYS", 90, whole=True))
DRIFT_STRONG_TIE_DAYS = int(
    env_number("HEADWAY_DRIFT_STRONG_TIE_DAYS", 180, whole=True)
)
DRIFT_GOAL_DAYS = int(env_number("HEADWAY_DRIFT_GOAL_DAYS", 60, whole=True))

# Where the owner exposes the app (issue 13): the scheme, host and optional
# path printed in share links and calendar feed addresses instead of the
# request's own host or 127.0.0.1, e.g. https://headway.example.org.
PUBLIC_URL = public_url(env_str("HEADWAY_PUBLIC_URL"))
# Where the site answers, for links made outside a request (invitations):
# the public address when the owner gives one, else this computer.
BASE_URL = PUBLIC_URL or "http://127.0.0.1:8000"
INVITATION_DAYS = int(env_number("HEADWAY_INVITATION_DAYS", 7, whole=True))
# Password-reset mail: printed to the console unless an SMTP host is set.
EMAIL_HOST = env_str("HEADWAY_SMTP_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("HEADWAY_SMTP_PORT", 587)
EMAIL_HOST_USER = env_str("HEADWAY_SMTP_USER")
EMAIL_HOST_PASSWORD = env_str("HEADWAY_SMTP_PASSWORD")
EMAIL_USE_TLS = env_bool("HEADWAY_SMTP_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("HEADWAY_EMAIL_FROM", "headway@localhost")
PASSWORD_RESET_TIMEOUT = 3 * 3600

# Work samples and import previews go through Django's storage API: the file
# system under MEDIA_ROOT by default; any django-storages backend (S3, GCS,
# Azure) by naming it in HEADWAY_STORAGE_BACKEND, with its OPTIONS as JSON in
# HEADWAY_STORAGE_OPTIONS.
STORAGES = {
    "default": {
        "BACKEND": env_str(
            "HEADWAY_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env_json_object("HEADWAY_STORAGE_OPTIONS"),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if LOCAL_MODE
        else "whitenoise.storage.CompressedStaticFilesStorage",
    },
}

# Login links printed by `headway serve` / `headway login-url` last this long.
LOGIN_TOKEN_TTL_SECONDS = 600

# Safe deletes (issue 14): a deleted object can be undone for this many hours;
# after that a sweep removes it for good, with files no one else uses.
TRASH_KEEP_HOURS = env_number("HEADWAY_UNDO_HOURS", 24.0)
