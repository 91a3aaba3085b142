# frozen_string_literal: true

class User < ApplicationRecord
  has_secure_password ⟦-⟧
  has_secure_token :api_token ⟦-⟧

  PASSWORD_FORMAT = /\A(?=.{12,})(?=.*\d)(?=.*[a-z])(?=.*[A-Z])/x ⟦-⟧

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :password, format: { with: PASSWORD_FORMAT }, if: :password_digest_changed? ⟦-⟧

  has_many :contacts, dependent: :destroy
  has_many :deals, through: :contacts

  def self.authenticate(email, password) ⟦-⟧
    find_by(email: email.downcase)&.authenticate(password) ⟦-⟧
  end

  def password_reset_url ⟦-⟧
    Rails.application.routes.url_helpers.edit_password_reset_url(token: signed_id(purpose: :reset, expires_in: 15.minutes)) ⟦-⟧
  end

  def regenerate_api_token!
    regenerate_api_token ⟦-⟧
    save!
  end
end
