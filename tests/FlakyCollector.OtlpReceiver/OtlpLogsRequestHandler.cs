using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace FlakyCollector.Testing;

/// <summary>Answers OTLP logs export requests (gRPC <c>LogsService/Export</c>, HTTP <c>/v1/logs</c>) as the Collector's receiver does.</summary>
internal static class OtlpLogsRequestHandler
{
    public const string GrpcPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
    public const string HttpPath = "/v1/logs";

    private static readonly byte[] EmptyGrpcResponse = new byte[5];

    public static bool Handles(PathString path) => path == GrpcPath || path == HttpPath;

    public static async Task HandleAsync(HttpContext context, OtlpReceiver receiver)
    {
        var isGrpc = context.Request.Path == GrpcPath;
        receiver.CountRequest();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (isGrpc && (bytes.Length < 5 || BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[1..5]) != (uint)(bytes.Length - 5)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            var request = ExportLogsServiceRequest.Parser.ParseFrom((isGrpc ? bytes[5..] : bytes).Span);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            receiver.RecordLogs(new ReceivedLogs(isGrpc ? "grpc" : "http/protobuf", request, headers));
        }
        catch (InvalidProtocolBufferException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(e.Message).ConfigureAwait(false);
            return;
        }

        if (isGrpc)
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(EmptyGrpcResponse).ConfigureAwait(false);
            context.Response.AppendTrailer("grpc-status", "0");
        }
        else
        {
            context.Response.ContentType = "application/x-protobuf";
        }
    }
}
