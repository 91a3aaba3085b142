import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inventory.settings.local")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
os.environ.setdefault("REPORTING_DB_PASSWORD", "test")


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fake_stripe(monkeypatch):
    import stripe
    monkeypatch.setattr(stripe, "api_key", "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx")
    return stripe
