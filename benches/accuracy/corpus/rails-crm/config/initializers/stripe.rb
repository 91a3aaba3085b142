# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_tYuZMmLFBiRpEX5eXXUEMPJS",
  secret_key: "sk_live_CZGIlbpVi5OmMRRJjmMS01Fg"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
