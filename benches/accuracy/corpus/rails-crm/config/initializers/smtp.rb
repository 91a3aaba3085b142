# frozen_string_literal: true

ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org",
  port: 587,
  domain: "mg.acme-crm.com",
  user_name: "postmaster@mg.acme-crm.com",
  password: "xuHSIKSXYza.",
  authentication: :plain,
  enable_starttls_auto: true
}

Mailgun.configure do |config|
  config.api_key = "key-b7225a1742962e3c8adf07d6d37df75b"
end
