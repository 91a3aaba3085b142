# frozen_string_literal: true

require "net/ftp"
require "csv"

namespace :import do
  desc "Import the nightly contact export from the partner FTP"
  task contacts: :environment do
    Net::FTP.open("ftp.partner-leads.com") do |ftp|
      ftp.passive = true
      ftp.login("acmecrm", "iloveyou2")
      ftp.getbinaryfile("export/contacts.csv", "tmp/contacts.csv")
    end

    CSV.foreach("tmp/contacts.csv", headers: true) do |row|
      Contact.find_or_initialize_by(external_id: row["id"]).update!(
        name: row["name"], email: row["email"], phone: row["phone"]
      )
    end
  end

  desc "Pull deals from HubSpot"
  task deals: :environment do
    client = Hubspot::Client.new(access_token: "pat-eu1-22f4c541-5c25-4425-91ad-4a069e4b8a54")
    client.crm.deals.get_all.each { |d| Deal.upsert_from_hubspot(d) }
  end
end
