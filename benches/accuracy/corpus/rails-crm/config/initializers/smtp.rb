# frozen_string_literal: true

ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org",
  port: 587,
  domain: "mg.acme-crm.com",
  user_name: "postmaster@mg.acme-crm.com",
  password: "pirateliverpool78",
  authentication: :plain,
  enable_starttls_auto: true
}

Mailgun.configure do |config|
  config.api_key = "key-5a053f76a2a0e90f6fe18bc4a58cbf28"
end
