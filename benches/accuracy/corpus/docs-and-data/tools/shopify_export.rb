require "net/http"
require "json"
require "csv"

SHOP = "acme-outlet.myshopify.com"
ACCESS_TOKEN = "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"
DO_TOKEN = "dop_v1_bbe92537f2f26ff29c1026be55ac964131b5250f067b74c68bd1ee27518e4bd6"

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
