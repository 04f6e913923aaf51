using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace FlakyCollector.Testing;

/// <summary>Answers OTLP trace export requests the way the OpenTelemetry Collector's receiver does.</summary>
internal static class OtlpTraceRequestHandler
{
    public const string GrpcPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string HttpPath = "/v1/traces";

    private const int GrpcUnavailable = 14;
    private const int GrpcInvalidArgument = 3;

    // The framed, empty ExportTraceServiceResponse: not compressed, length zero.
    private static readonly byte[] EmptyGrpcResponse = new byte[5];

    public static async Task HandleAsync(HttpContext context, OtlpReceiver receiver)
    {
        var request = context.Request;
        var isGrpc = request.Path == GrpcPath;
        if (!HttpMethods.IsPost(request.Method) || !(isGrpc || request.Path == HttpPath))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        receiver.CountRequest();
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);

        if (receiver.Mode == OtlpReceiverMode.NeverAnswer)
        {
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(receiver.Stopping, context.RequestAborted);
            await Task.Delay(Timeout.Infinite, hang.Token).ContinueWith(_ => { }, TaskScheduler.Default)
                .ConfigureAwait(false);
            context.Abort();
            return;
        }

        if (receiver.TakeFailure())
        {
            await FailAsync(context, isGrpc, GrpcUnavailable, StatusCodes.Status503ServiceUnavailable,
                "receiver unavailable (test mode)").ConfigureAwait(false);
            return;
        }

        var message = isGrpc ? Unframe(body) : body.GetBuffer().AsMemory(0, (int)body.Length);
        ExportTraceServiceRequest decoded;
        try
        {
            if (message is null || (!isGrpc && request.ContentType != "application/x-protobuf"))
            {
                throw new InvalidDataException("not a protobuf export request");
            }

            decoded = ExportTraceServiceRequest.Parser.ParseFrom(message.Value.Span);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidProtocolBufferException)
        {
            await FailAsync(context, isGrpc, GrpcInvalidArgument, StatusCodes.Status400BadRequest, e.Message)
                .ConfigureAwait(false);
            return;
        }

        receiver.Record(new ReceivedExport(isGrpc ? "grpc" : "http/protobuf", decoded, headers, message.Value.Length));
        await receiver.DelayFirstAnswerAsync().ConfigureAwait(false);
        if (isGrpc)
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(EmptyGrpcResponse).ConfigureAwait(false);
            context.Response.AppendTrailer("grpc-status", "0");
        }
        else
        {
            // An empty ExportTraceServiceResponse encodes to zero bytes.
            context.Response.ContentType = "application/x-protobuf";
        }
    }

    private static ReadOnlyMemory<byte>? Unframe(MemoryStream body)
    {
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (bytes.Length < 5 || bytes.Span[0] != 0
            || BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[1..5]) != (uint)(bytes.Length - 5))
        {
            return null;
        }

        return bytes[5..];
    }

    private static async Task FailAsync(HttpContext context, bool isGrpc, int grpcStatus, int httpStatus, string text)
    {
        if (isGrpc)
        {
            // Trailers-only response: the status travels in the response headers.
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = grpcStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(text);
            return;
        }

        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text).ConfigureAwait(false);
    }
}
