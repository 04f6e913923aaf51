using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrdersApi;

/// <summary>
/// A stand-in for the real payments service, served by the same app at <c>POST /payments/charges</c>
/// when no payments URL is configured. It charges at once, unless the request carries the
/// <see cref="PaymentsClient.FaultHeader"/>: <c>unavailable</c> answers 503, <c>slow:MS</c> answers after MS ms.
/// </summary>
public static class FakePayments
{
    public static IEndpointRouteBuilder MapFakePayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/payments/charges", async (ChargeRequest charge, HttpRequest request, CancellationToken cancellationToken) =>
        {
            var fault = request.Headers[PaymentsClient.FaultHeader].ToString();
            if (fault == "unavailable")
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (fault.StartsWith("slow:", StringComparison.Ordinal)
                && int.TryParse(fault.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
            {
                await Task.Delay(delay, cancellationToken);
            }

            return Results.Ok(new ChargeResponse($"ch_{charge.OrderId:N}"));
        });
        return endpoints;
    }
}
