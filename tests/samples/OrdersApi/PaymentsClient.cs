using System.Net;
using System.Net.Http.Json;

namespace OrdersApi;

/// <summary>Where the payments service is, and how long the orders API waits for it.</summary>
public sealed class PaymentsSettings
{
    /// <summary>Base URL of the payments service; null means the fake one this app serves itself.</summary>
    public Uri? BaseAddress { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}

public enum PaymentOutcome
{
    Charged,
    Unavailable,
    TimedOut,
}

public sealed record PaymentResult(PaymentOutcome Outcome, string? ChargeId = null);

/// <summary>The downstream payments dependency, over HTTP.</summary>
public sealed class PaymentsClient(HttpClient http)
{
    /// <summary>
    /// Fault injection for tests: the value of this request header on <c>POST /orders</c> is passed
    /// on to the payments call, and the fake payments service honours it
    /// (<c>unavailable</c>: 503; <c>slow:MS</c>: answers after MS milliseconds).
    /// </summary>
    public const string FaultHeader = "X-Payments-Fault";

    public async Task<PaymentResult> ChargeAsync(Guid orderId, decimal amount, string? fault, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments/charges")
        {
            Content = JsonContent.Create(new ChargeRequest(orderId, amount)),
        };
        if (!string.IsNullOrEmpty(fault))
        {
            request.Headers.Add(FaultHeader, fault);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway)
            {
                return new PaymentResult(PaymentOutcome.Unavailable);
            }

            response.EnsureSuccessStatusCode();
            var charge = await response.Content.ReadFromJsonAsync<ChargeResponse>(cancellationToken);
            return new PaymentResult(PaymentOutcome.Charged, charge!.ChargeId);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PaymentResult(PaymentOutcome.TimedOut); // HttpClient.Timeout
        }
    }
}

public sealed record ChargeRequest(Guid OrderId, decimal Amount);

public sealed record ChargeResponse(string ChargeId);
