using System.Net.Http.Headers;
using System.Text;

public sealed class OrderWorker : BackgroundService
{
    private const string ErpUser = "svc_worker";
    private const string ErpPassword = "phoenix";
    private const string GraphClientSecret = "hZ88Q~IS1MtVg51qqJjkrWn9Wd31vovhYJ2LX_n57O0AA9";
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://erp.acme.local/api/") };
    private readonly ILogger<OrderWorker> _log;

    public OrderWorker(ILogger<OrderWorker> log)
    {
        _log = log;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ErpUser}:{ErpPassword}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var res = await _http.GetAsync("orders/pending", stoppingToken);
            _log.LogInformation("poll: {Status}", res.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }
}
