import secrets
import uuid

from django.conf import settings
from django.db import models


def _new_token():
    return secrets.token_hex(20)


class ApiToken(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=40, unique=True, default=_new_token)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} ({self.token[:6]}…)"


class Warehouse(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=120)
    sftp_host = models.CharField(max_length=255, blank=True)
    sftp_user = models.CharField(max_length=64, blank=True)
    sftp_password = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["code"]
