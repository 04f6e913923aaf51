using System.Diagnostics;
using System.Globalization;

namespace FlakyCollector.Testing;

/// <summary>
/// A finished span of the running test's trace: an HTTP call, a server request, or an activity
/// of a source the test or the run settings named.
/// </summary>
public sealed class RecordedSpan
{
    internal RecordedSpan(Activity activity)
    {
        Name = activity.DisplayName;
        Source = activity.Source.Name;
        Kind = activity.Kind;
        Status = activity.Status;
        StatusDescription = activity.StatusDescription;
        Start = new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero);
        End = Start + activity.Duration;
        SpanId = activity.SpanId.ToHexString();
        ParentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString();
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in activity.TagObjects)
        {
            tags[key] = value;
        }

        Tags = tags;
    }

    /// <summary>The span's display name, for example <c>GET</c> or <c>PlaceOrder</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the ActivitySource that produced it, for example <c>System.Net.Http</c>.</summary>
    public string Source { get; }

    public ActivityKind Kind { get; }

    public ActivityStatusCode Status { get; }

    /// <summary>The status description, set by the instrumentation with an error status.</summary>
    public string? StatusDescription { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    /// <summary>The span's tags, as the instrumentation set them (<c>http.response.status_code</c> is an int).</summary>
    public IReadOnlyDictionary<string, object?> Tags { get; }

    /// <summary>The span id, 16 lower-case hex characters.</summary>
    public string SpanId { get; }

    /// <summary>The parent's span id, or null for a root.</summary>
    public string? ParentSpanId { get; }

    /// <summary>The tag's value as text, or null when the span does not have it.</summary>
    public string? Tag(string key) =>
        Tags.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>One line for failure messages: name, source, kind, status and duration.</summary>
    public override string ToString()
    {
        var status = Status == ActivityStatusCode.Error ? $"Error{(StatusDescription is null ? string.Empty : $" \"{StatusDescription}\"")}" : Status.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{Name} [{Source}, {Kind}, {status}, {Duration.TotalMilliseconds:0.#} ms]");
    }
}
