require "net/http"
require "json"
require "csv"

SHOP = "acme-outlet.myshopify.com"
ACCESS_TOKEN = "«shopify»" ⟦+provider⟧
DO_TOKEN = "«dop»" ⟦+provider⟧

def get(path)
  uri = URI("https://#{SHOP}/admin/api/2024-01/#{path}")
  req = Net::HTTP::Get.new(uri)
  req["X-Shopify-Access-Token"] = ACCESS_TOKEN ⟦-⟧
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| JSON.parse(h.request(req).body) }
end

CSV.open("orders.csv", "w") do |csv|
  csv << %w[id name total created_at]
  get("orders.json?status=any&limit=250")["orders"].each do |o|
    csv << [o["id"], o["name"], o["total_price"], o["created_at"]]
  end
end
