# frozen_string_literal: true

ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org",
  port: 587,
  domain: "mg.acme-crm.com",
  user_name: "postmaster@mg.acme-crm.com",
  password: "Butterfly2020*",
  authentication: :plain,
  enable_starttls_auto: true
}

Mailgun.configure do |config|
  config.api_key = "key-0d047bd593b194e9181475d826204f22"
end
