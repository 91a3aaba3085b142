# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_at2lu3DMZ7bjfMyxRgZRmJwY",
  secret_key: "sk_live_zYvAKbxV44pDFox3k9NdgOVe"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
