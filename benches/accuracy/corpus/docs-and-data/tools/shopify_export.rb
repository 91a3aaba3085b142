require "net/http"
require "json"
require "csv"

SHOP = "acme-outlet.myshopify.com"
ACCESS_TOKEN = "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"
DO_TOKEN = "dop_v1_66f211fed21c5e19e1afc0f106d090678f8de8642499f717c63ed5b47fd113e3"

def get(path)
  uri = URI("https://#{SHOP}/admin/api/2024-01/#{path}")
  req = Net::HTTP::Get.new(uri)
  req["X-Shopify-Access-Token"] = ACCESS_TOKEN
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| JSON.parse(h.request(req).body) }
end

CSV.open("orders.csv", "w") do |csv|
  csv << %w[id name total created_at]
  get("orders.json?status=any&limit=250")["orders"].each do |o|
    csv << [o["id"], o["name"], o["total_price"], o["created_at"]]
  end
end
