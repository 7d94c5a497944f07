"""Settings, all read from the environment.

Required in production (DEBUG off): SECRET_KEY and ALLOWED_HOSTS. With DEBUG on, a
development key and local hosts are used so that `make run` needs no configuration.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def env_int(name, default, minimum=0):
    """A whole number from the environment; anything else stops the start with its name,
    rather than a bare ValueError from deep inside the settings."""
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}")
    return number


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "options",
    "hospitals",
    "answers",
    "clinicians",
    "figures",
]

# The headers first: whitenoise answers static files itself, and they get them too.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "keuzehulp.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known (its page is in her language), before CSRF reads a form.
    "keuzehulp.middleware.FormDataMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "clinicians.sessions.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "keuzehulp.urls"
WSGI_APPLICATION = "keuzehulp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "options.context_processors.site",
                "hospitals.context_processors.hospital",
            ],
        },
    },
]

# SQLite by default, so the app runs with no database server.
# Connections are kept between requests and checked before reuse: after a restart of
# PostgreSQL the next request reconnects by itself.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server is a friendly 503 within seconds, not a hanging page.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Our static files are for our own pages: no Access-Control-Allow-Origin: * (whitenoise's default).
WHITENOISE_ALLOW_ALL_ORIGINS = False
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from npm, trimmed at install time to the rules our pages use
    # (scripts/trim_css.mjs, decision 0007), and is served by us: never from a CDN.
    ("vendor/bootstrap", BASE_DIR / "static-build" / "bootstrap"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The cache holds the rate limits, so in production all workers must share it: Redis.
# Without it each worker would count guesses on its own (and the current content version
# would not be cleared everywhere on publish), silently: so production refuses to start.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not REDIS_URL and not DEBUG:
    raise ImproperlyConfigured("REDIS_URL must be set when DEBUG is off.")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs is an error page within a second, not a hanging worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Her answers are deleted this many days after her last save (`manage.py purge_answers`).
ANSWERS_RETENTION_DAYS = env_int("ANSWERS_RETENTION_DAYS", 30, minimum=1)
# Wrong resume codes (per address), share codes (per staff account) and failed staff
# logins (per account) per hour before a 429; logins then wait longer each time.
RESUME_ATTEMPTS_PER_HOUR = env_int("RESUME_ATTEMPTS_PER_HOUR", 10, minimum=1)
SHARE_ATTEMPTS_PER_HOUR = env_int("SHARE_ATTEMPTS_PER_HOUR", 10, minimum=1)
LOGIN_ATTEMPTS_PER_HOUR = env_int("LOGIN_ATTEMPTS_PER_HOUR", 10, minimum=1)
# Failed staff logins per address before the delay starts: many clinicians may share one
# address (the hospital's NAT), so more than per account.
LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR = env_int("LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR", 100, minimum=1)
# Reverse proxies in front of the app that append to X-Forwarded-For (compose: 1). The
# rate limits count per client, not per proxy.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
# PDFs drawn at the same time per machine (a drawing keeps a core busy); more wait on a
# page that asks again, so that a burst of PDFs leaves the pages fast. Counted from the
# CPUs this process may use (a container's limit), not the host's.
PDF_DRAWINGS_AT_ONCE = env_int("PDF_DRAWINGS_AT_ONCE", max(1, len(os.sched_getaffinity(0)) // 2), minimum=1)
# Days a share code for her doctor stays valid.
SHARE_CODE_DAYS = env_int("SHARE_CODE_DAYS", 14, minimum=1)
# Her largest form (6 questions at the 1000-character limit, each character 4 bytes of
# UTF-8 written as %XX) is about 72 KB; the admin's largest (an option's page with its
# outcomes) has 94 fields. Room for a text 3 times too long (she then reads "te lang",
# not an error page) and for rows added in the admin; Django's defaults are 2.5 MB and 1000.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

LOGIN_URL = "clinicians:login"
# After a login without "next": the clinician's page (Django's default, /accounts/profile/,
# does not exist here).
LOGIN_REDIRECT_URL = "clinicians:open"
# A staff session ends when the browser closes, and at the latest after a working day
# (clinicians/sessions.py). Her sessions are not touched: they live as long as her record.
STAFF_SESSION_SECONDS = 9 * 3600

CSRF_FAILURE_VIEW = "answers.views.csrf_failure"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions are kept in PostgreSQL (they survive a restart of Redis) and read from the
# cache: a page costs no query for its session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
# With the __Host- prefix the browser keeps these cookies only if they are Secure, for
# Path=/ and without a Domain: no other host (a neighbouring subdomain of the hospital)
# can set or overwrite them. Secure needs HTTPS, so development keeps the plain names.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"

# HTTPS, terminated by the hospital's reverse proxy, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The health checks of compose and of load balancers speak plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 3600  # sent over HTTPS only, so harmless in development
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Not "no-referrer": with it browsers send "Origin: null" on form posts, which Django's
# CSRF check must refuse. "same-origin" equally sends nothing to any other site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing from any other host, no inline script or style. Bootstrap draws its radio
# buttons and checkboxes as data: images; the admin needs its own scripts. Our scripts
# fetch nothing, but Lighthouse reads robots.txt from inside the page: connect-src
# 'self' lets it (its SEO check "robots.txt is not valid" otherwise), and no other host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
