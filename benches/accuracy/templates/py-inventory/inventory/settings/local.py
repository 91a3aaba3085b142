from .base import *  # noqa: F401,F403

DEBUG = True
ALLOWED_HOSTS = ["*"]

# Local development database started by docker-compose.dev.yml
DATABASES["default"].update(
    {
        "HOST": "localhost",
        "USER": "postgres",
        "PASSWORD": "postgres", ⟦-⟧
    }
)

SECRET_KEY = "dev-only-not-secret" ⟦-⟧
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
