# frozen_string_literal: true

ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org",
  port: 587,
  domain: "mg.acme-crm.com",
  user_name: "postmaster@mg.acme-crm.com",
  password: "Steelers-1644",
  authentication: :plain,
  enable_starttls_auto: true
}

Mailgun.configure do |config|
  config.api_key = "key-1bbb7ae6aa861966b140afb91e0ac9d1"
end
