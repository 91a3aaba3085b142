using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Acme.Orders.Services;

public class WarehouseClient
{
    private const string BaseUrl = "https://wms.acme-logistics.com/api/";
    private static readonly string BasicAuth = Convert.ToBase64String(Encoding.ASCII.GetBytes("orders-svc:Cowboys_9286"));
    private const string AuthHeader = "Basic b3JkZXJzLXN5bmM6b2xpdmVy";
    private readonly HttpClient _http;

    public WarehouseClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress = new Uri(BaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", BasicAuth);
    }

    public async Task<string> ReserveAsync(string sku, int qty)
    {
        var res = await _http.PostAsync($"reservations?sku={sku}&qty={qty}", null);
        res.EnsureSuccessStatusCode();
        return await res.Content.ReadAsStringAsync();
    }
}
