# frozen_string_literal: true

ActionMailer::Base.smtp_settings = {
  address: "smtp.mailgun.org",
  port: 587,
  domain: "mg.acme-crm.com",
  user_name: "postmaster@mg.acme-crm.com",
  password: "«pw»", ⟦+password⟧
  authentication: :plain,
  enable_starttls_auto: true
}

Mailgun.configure do |config|
  config.api_key = "«mailgun»" ⟦+provider⟧
end
