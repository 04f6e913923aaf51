namespace FlakyCollector.Testing;

/// <summary>How an <see cref="OtlpReceiver"/> answers export requests.</summary>
public enum OtlpReceiverMode
{
    /// <summary>Decode, record and acknowledge every request.</summary>
    Normal = 0,

    /// <summary>Read the request, then never answer until the receiver is disposed.</summary>
    NeverAnswer,

    /// <summary>HTTP 503 on the HTTP endpoint; gRPC status UNAVAILABLE (its equivalent) on the gRPC one.</summary>
    Status503,
}
