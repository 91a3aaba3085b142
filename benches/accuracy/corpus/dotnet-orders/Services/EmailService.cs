using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;

namespace Acme.Orders.Services;

public sealed class EmailService
{
    private readonly ILogger<EmailService> _log;

    public EmailService(ILogger<EmailService> log) => _log = log;

    public void SendInvoice(string to, string subject, string html)
    {
        using var client = new SmtpClient("smtp.office365.com", 587)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential("invoices@acme.com", "B@1l3y96"),
        };
        using var msg = new MailMessage("invoices@acme.com", to, subject, html) { IsBodyHtml = true };
        client.Send(msg);
        _log.LogInformation("invoice mail sent to {To}", to);
    }

    public static NetworkCredential FromConfig(string user, string password) => new(user, password);
}
