# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: "pk_live_WMBPftFDbY0PkpLcoaBmdSD7",
  secret_key: "sk_live_OREODs1QKO7uOatS1Pn5AxGY"
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
