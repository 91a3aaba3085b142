# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_Cdcpo0PQDL0CGkkAPmSdDVrU",
  secret_key: "sk_live_gDaIkmbeuDfUzpvhb25q1QB5"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
