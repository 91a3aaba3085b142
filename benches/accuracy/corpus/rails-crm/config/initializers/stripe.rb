# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_S8uYlwheCeJJfUQnhmDlTQvd",
  secret_key: "sk_live_2rhKIUEdUBpEL26LFvtzLrlN"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
