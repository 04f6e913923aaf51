using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording;

/// <summary>Turns a stopped <see cref="Activity"/>, or what was kept of it, into SDK-free <see cref="SpanData"/>.</summary>
internal static class ActivitySpanConverter
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpanData Convert(Activity activity) => Convert(StoppedActivity.Of(activity));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpanData Convert(in StoppedActivity activity)
    {
        var start = ToUnixNano(activity.StartTimeUtc);
        var span = new SpanData
        {
            TraceId = activity.TraceId.ToHexString(),
            SpanId = activity.SpanId.ToHexString(),
            ParentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
            Name = activity.DisplayName,
            Kind = ConvertKind(activity.Kind),
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + (activity.Duration.Ticks * 100),
            StatusCode = ConvertStatus(activity.Status),
            StatusMessage = activity.Status == ActivityStatusCode.Error ? activity.StatusDescription : null,
            ScopeName = activity.Source.Name,
            ScopeVersion = string.IsNullOrEmpty(activity.Source.Version) ? null : activity.Source.Version,
            Attributes = ConvertTags(activity.Tags),
            // Most spans have neither: no list and no iterator for those.
            Events = activity.Events.Length == 0 ? [] : activity.Events.Select(e => new SpanEventData(e.Name, ToUnixNano(e.Timestamp.UtcDateTime), ConvertTags(e.Tags))).ToList(),
            Links = activity.Links.Length == 0 ? [] : activity.Links.Select(l => new SpanLinkData(l.Context.TraceId.ToHexString(), l.Context.SpanId.ToHexString(), ConvertTags(l.Tags ?? []))).ToList(),
        };

        // Npgsql's spans carry the raw query text and, in older versions, the old convention names.
        return activity.Source.Name == Database.DatabaseNames.NpgsqlSourceName ? Database.NpgsqlSpanShape.Apply(span) : span;
    }

    public static long ToUnixNano(DateTime utc) => (utc.Ticks - UnixEpochTicks) * 100;

    private static SpanKind ConvertKind(ActivityKind kind) => kind switch
    {
        ActivityKind.Server => SpanKind.Server,
        ActivityKind.Client => SpanKind.Client,
        ActivityKind.Producer => SpanKind.Producer,
        ActivityKind.Consumer => SpanKind.Consumer,
        _ => SpanKind.Internal,
    };

    private static SpanStatusCode ConvertStatus(ActivityStatusCode status) => status switch
    {
        ActivityStatusCode.Ok => SpanStatusCode.Ok,
        ActivityStatusCode.Error => SpanStatusCode.Error,
        _ => SpanStatusCode.Unset,
    };

    // A stopped activity's tags are an array: indexed, with no enumerator boxed through the interface, for every span.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<SpanAttribute> ConvertTags(KeyValuePair<string, object?>[] tags)
    {
        var attributes = new List<SpanAttribute>(tags.Length);
        for (var i = 0; i < tags.Length; i++)
        {
            AddConverted(attributes, tags[i].Key, tags[i].Value);
        }

        return attributes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<SpanAttribute> ConvertTags(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var attributes = new List<SpanAttribute>();
        foreach (var (key, value) in tags)
        {
            AddConverted(attributes, key, value);
        }

        return attributes;
    }

    // A tag OTLP cannot carry (null) is left out.
    private static void AddConverted(List<SpanAttribute> attributes, string key, object? value)
    {
        if (ConvertValue(value) is { } converted)
        {
            attributes.Add(new SpanAttribute(key, converted));
        }
    }

    // OTLP knows strings, booleans, 64-bit integers, doubles and arrays; everything else becomes text.
    private static object? ConvertValue(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int or long or short or byte or sbyte or ushort or uint => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        float or double or decimal => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        string[] array => array,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => System.Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
