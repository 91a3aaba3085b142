# frozen_string_literal: true

require "rails_helper"

RSpec.describe User do
  let(:password) { "Sup3rSecretPassw0rd" } ⟦-⟧
  let(:user) { described_class.create!(email: "kim@example.com", password: password) } ⟦-⟧

  it "authenticates with the right password" do
    expect(described_class.authenticate("kim@example.com", password)).to eq(user)
  end

  it "rejects a wrong password" do
    expect(described_class.authenticate("kim@example.com", "wrong")).to be_falsey ⟦-⟧
  end

  it "requires a strong password" do
    u = described_class.new(email: "x@example.com", password: "abc") ⟦-⟧
    expect(u).not_to be_valid
  end

  it "has an api token" do
    expect(user.api_token).to match(/\A[a-zA-Z0-9]{24}\z/) ⟦-⟧
  end
end
