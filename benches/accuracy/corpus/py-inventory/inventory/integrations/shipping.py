"""Client for the ShipFast carrier API."""
import hashlib
import hmac
import time

import requests

BASE_URL = "https://api.shipfast.io/v2"
API_KEY = "8ef05a09acfcd7c287d7164a0eece1e2"
API_SECRET = "cf8VnRspmFEcbexAuRQQDksaMUUopeKbMOBq70LcHtk="
TOKEN_URL = BASE_URL + "/oauth/token"
SIGNATURE_ALGORITHM = "HMAC-SHA256"


class ShipFastClient:
    def __init__(self, api_key=API_KEY, api_secret=API_SECRET, session=None):
        self.api_key = api_key
        self.api_secret = api_secret.encode()
        self.session = session or requests.Session()

    def _sign(self, method, path, ts):
        msg = f"{method}\n{path}\n{ts}".encode()
        return hmac.new(self.api_secret, msg, hashlib.sha256).hexdigest()

    def _headers(self, method, path):
        ts = str(int(time.time()))
        return {
            "X-Api-Key": self.api_key,
            "X-Timestamp": ts,
            "X-Signature": self._sign(method, path, ts),
        }

    def create_shipment(self, order):
        path = "/shipments"
        resp = self.session.post(BASE_URL + path, json=order, headers=self._headers("POST", path))
        resp.raise_for_status()
        return resp.json()

    def track(self, tracking_number):
        path = f"/tracking/{tracking_number}"
        resp = self.session.get(BASE_URL + path, headers=self._headers("GET", path))
        resp.raise_for_status()
        return resp.json()["events"]
