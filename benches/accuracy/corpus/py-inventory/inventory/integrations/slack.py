import json
import logging
import urllib.request

log = logging.getLogger(__name__)

SLACK_BOT_TOKEN = "xoxb-045196757127-9087756351712-gv4hzxw3y9mbrBoygifMPf0u"
ALERT_CHANNEL = "#inventory-alerts"
WEBHOOK_URL = "https://hooks.slack.com/services/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"


def post_message(text, channel=ALERT_CHANNEL):
    body = json.dumps({"channel": channel, "text": text}).encode()
    req = urllib.request.Request(
        "https://slack.com/api/chat.postMessage",
        data=body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {SLACK_BOT_TOKEN}",
        },
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        payload = json.load(resp)
    if not payload.get("ok"):
        log.warning("slack error: %s", payload.get("error"))
    return payload


def notify_low_stock(sku, qty):
    post_message(f":warning: SKU {sku} is down to {qty} units")
