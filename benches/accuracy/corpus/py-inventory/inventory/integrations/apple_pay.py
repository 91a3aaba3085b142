"""Apple Pay merchant session handling."""
import base64
import json

import requests
from cryptography.hazmat.primitives import serialization

MERCHANT_ID = "merchant.com.acme-logistics.shop"

# Payment processing key (downloaded from the Apple developer portal)
PAYMENT_PROCESSING_KEY = """
-----BEGIN EC PRIVATE KEY-----
nN/1xevOnzdByTNn4uK32WKeY7+jffvLZaYva7X21ASZBneJ8VnFGJM5rpMEZyBP
DBq5XZUC1oyw8h+zTBfQVzadySK9tN5bawVRv1JU/+n/tNRGjPggtX/fp0ueFGNH
adZxuSj208cgLmqib3ZYR9dLT1mdnwsEvA==
-----END EC PRIVATE KEY-----
"""

MERCHANT_CERT_PATH = "/etc/acme/apple-pay/merchant.pem"
MERCHANT_KEY_PATH = "/etc/acme/apple-pay/merchant.key"


def load_processing_key():
    return serialization.load_pem_private_key(PAYMENT_PROCESSING_KEY.strip().encode(), password=None)


def merchant_session(validation_url, domain):
    payload = {
        "merchantIdentifier": MERCHANT_ID,
        "displayName": "Acme Shop",
        "initiative": "web",
        "initiativeContext": domain,
    }
    resp = requests.post(
        validation_url,
        json=payload,
        cert=(MERCHANT_CERT_PATH, MERCHANT_KEY_PATH),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def decode_token(token_b64):
    return json.loads(base64.b64decode(token_b64))
