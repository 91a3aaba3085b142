import logging
from decimal import Decimal

import stripe

log = logging.getLogger(__name__)

stripe.api_key = "sk_live_rPs38qr68aGHCkMbsfMmADg9"
stripe.api_version = "2023-10-16"
WEBHOOK_SECRET = "whsec_WfIOrGSs9OVNvWDhsP6onyjQe3SkMxq2"


def charge(customer_id: str, amount: Decimal, currency: str = "eur") -> str:
    intent = stripe.PaymentIntent.create(
        customer=customer_id,
        amount=int(amount * 100),
        currency=currency,
        automatic_payment_methods={"enabled": True},
    )
    log.info("created payment intent %s", intent.id)
    return intent.client_secret


def handle_webhook(payload: bytes, sig_header: str):
    event = stripe.Webhook.construct_event(payload, sig_header, WEBHOOK_SECRET)
    if event["type"] == "payment_intent.succeeded":
        log.info("payment succeeded: %s", event["data"]["object"]["id"])
    return event
