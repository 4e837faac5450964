"""Settings for the diplomacy register, read from the environment.

SQLite in the project folder is the default so that a fresh clone runs with no setup;
production sets DATABASE_URL (PostgreSQL), SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url):
    """Turn sqlite:///path or postgres://user:pass@host:port/name into a DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative.db is relative to the project; sqlite:////abs/path is absolute
        path = unquote(parsed.path[1:] if parsed.path.startswith("/") else parsed.path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        elif not os.path.isabs(path):
            path = str(BASE_DIR / path)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path or str(BASE_DIR / "db.sqlite3"),
            # wait for a concurrent writer instead of failing at once; write-ahead logging
            # lets the site read while an import writes, and syncs less often. SQLite's own
            # page cache is 2 MB by default: importing 300 articles into a 10,000-article
            # register (330 MB) read 140,439 pages from the file with it, 48,679 with 64 MB
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    f"PRAGMA cache_size=-{env_int('SQLITE_CACHE_MB', 64) * 1024};"
                ),
            },
        }
    if parsed.scheme in ("postgres", "postgresql", "pgsql"):
        query = parse_qs(parsed.query, keep_blank_values=True)
        options = {key: values[-1] for key, values in query.items()}
        # No JIT compilation: the register's queries are short, but the planner's cost of
        # a count over a million rows passes jit_above_cost, and compiling then took 460 of
        # the countries list's 704 ms. ?options=... in the URL replaces it, and ?options=
        # sends none (PgBouncer refuses startup options: there `ALTER DATABASE ... SET
        # jit = off` does it).
        options.setdefault("options", "-c jit=off")
        if not options["options"]:
            del options["options"]
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 60),
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(f"DATABASE_URL scheme {parsed.scheme!r} is not supported")


DEVELOPMENT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY: the development key refuses to run with DEBUG off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "diplomacy.apps.DiplomacyConfig",
    "articles.apps.ArticlesConfig",
    "bench.apps.BenchConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "diplomacy.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "diplomacy.middleware.RejectNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "diplomacy.middleware.AdminParameterGuardMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

# Two caches. "default" keeps page aggregates (home counts, timelines) per process.
# "shared" holds what every worker must count together (failed logins, anonymous
# exports running): Redis when REDIS_URL is set (needs the `redis` package), else a
# table of this database (created by migration diplomacy.0011, or `createcachetable`).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TABLE = "diplomacy_cache"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    },
}

# a country page's kept counts are recounted when older than this, whatever happened
# (every change made through Django already adjusts them: see diplomacy/summaries.py)
COUNTRY_SUMMARY_MAX_AGE = env_int("COUNTRY_SUMMARY_MAX_AGE", 24 * 3600)

# Security: production values unless DEBUG; each can be overridden from the environment.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything from this origin, no inline script, no plugins, no framing. Inline style is
# refused too, but for two cosmetic ones of Django's and django-simple-history's admin
# templates, allowed by their hashes: the history page's 'style="border-top: 0"' and the
# change list's <style> for a list without actions. The environment may replace it all
# (CONTENT_SECURITY_POLICY="" sends none).
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; "
    "style-src 'self' 'unsafe-hashes' 'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM=' "
    "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
if env_bool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Downloads of the public lists (?format=csv/json) by anyone but logged-in staff: this
# many rows per request (?page=2 gives the next ones), and this many running at once
# across every server process (the next is answered 429): see diplomacy/export_limits.py.
EXPORT_ANONYMOUS_ROWS = env_int("EXPORT_ANONYMOUS_ROWS", 1000)
EXPORT_ANONYMOUS_CONCURRENT = env_int("EXPORT_ANONYMOUS_CONCURRENT", 2)

# The importer refuses files larger than this (bytes); --max-bytes overrides it.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5_000_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "diplomacy.security": {"handlers": ["console"], "level": "WARNING"},
    },
}
