# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_fpZH8JA7sWcWujLmclsqLnvv",
  secret_key: "sk_live_OeeETwa2z2Xis5rqBErkUgrs"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
