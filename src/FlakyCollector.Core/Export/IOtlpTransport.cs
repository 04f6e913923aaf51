namespace FlakyCollector.Export;

/// <summary>What differs between OTLP over gRPC and OTLP over HTTP/protobuf: framing and the answer.</summary>
internal interface IOtlpTransport
{
    /// <summary><c>grpc</c> or <c>http/protobuf</c>, as the OTEL_EXPORTER_OTLP_PROTOCOL values.</summary>
    string Protocol { get; }

    /// <summary>The URL requests are posted to.</summary>
    Uri RequestUri { get; }

    /// <summary>What to tell the user when the server does not speak the expected HTTP version; null for nothing.</summary>
    string? ProtocolErrorHint { get; }

    /// <summary>Bytes reserved before the protobuf message in the request body.</summary>
    int FramePrefixLength { get; }

    /// <summary>
    /// Builds the request for a body whose message starts at <see cref="FramePrefixLength"/>;
    /// the transport fills the prefix. <paramref name="remaining"/> is the time left to the deadline.
    /// </summary>
    HttpRequestMessage CreateRequest(byte[] body, TimeSpan remaining);

    /// <summary>Reads the response to the end and says whether the spans were accepted.</summary>
    Task<ExportAttempt> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken);
}
