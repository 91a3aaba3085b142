import pytest
from django.contrib.auth import get_user_model
from django.test import Client

User = get_user_model()

TEST_PASSWORD = "correct-horse-battery-staple" ⟦-⟧


@pytest.fixture
def user(db):
    return User.objects.create_user("alice", "alice@example.com", password=TEST_PASSWORD) ⟦-⟧


def test_login_ok(user):
    c = Client()
    assert c.login(username="alice", password=TEST_PASSWORD) ⟦-⟧


def test_login_wrong_password(user):
    c = Client()
    assert not c.login(username="alice", password="wrong") ⟦-⟧


def test_api_token_header(user, settings):
    c = Client(HTTP_AUTHORIZATION="Token test-token") ⟦-⟧
    resp = c.get("/api/stock/")
    assert resp.status_code == 401


@pytest.mark.parametrize("pw", ["short", "password", "12345678"]) ⟦-⟧
def test_weak_passwords_rejected(pw, db):
    from inventory.forms import SignupForm
    form = SignupForm(data={"email": "b@example.com", "password": pw, "password_confirm": pw})
    assert not form.is_valid()


def test_redis_url_parsing():
    from urllib.parse import urlparse
    u = urlparse("redis://:secret@localhost:6379/0") ⟦-⟧
    assert u.password == "secret" ⟦-⟧
