# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_«alnum:24»", ⟦-⟧
  secret_key: "«sklive»" ⟦+provider⟧
}

Stripe.api_key = Rails.configuration.stripe[:secret_key] ⟦-⟧
Stripe.max_network_retries = 2
