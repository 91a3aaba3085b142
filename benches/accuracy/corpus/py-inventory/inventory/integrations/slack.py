import json
import logging
import urllib.request

log = logging.getLogger(__name__)

SLACK_BOT_TOKEN = "xoxb-280250225723-3967537625557-XnnAuCwtn7x7x8Cb9RsI0PlV"
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
