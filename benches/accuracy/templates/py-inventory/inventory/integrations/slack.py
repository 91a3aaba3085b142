import json
import logging
import urllib.request

log = logging.getLogger(__name__)

SLACK_BOT_TOKEN = "«xoxb»" ⟦+provider⟧
ALERT_CHANNEL = "#inventory-alerts"
WEBHOOK_URL = "«slackhook»" ⟦+provider⟧


def post_message(text, channel=ALERT_CHANNEL):
    body = json.dumps({"channel": channel, "text": text}).encode()
    req = urllib.request.Request(
        "https://slack.com/api/chat.postMessage",
        data=body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {SLACK_BOT_TOKEN}", ⟦-⟧
        },
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        payload = json.load(resp)
    if not payload.get("ok"):
        log.warning("slack error: %s", payload.get("error"))
    return payload


def notify_low_stock(sku, qty):
    post_message(f":warning: SKU {sku} is down to {qty} units")
