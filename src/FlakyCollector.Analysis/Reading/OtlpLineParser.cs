using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Parses one OTLP/JSON <c>TracesData</c> line into pooled <see cref="ParsedSpan"/>s. One flat
/// loop over <see cref="OtlpJsonScanner"/> tokens with a small stack of <see cref="ParseContext"/>s:
/// no DOM, no recursion, no per-property strings, and values the analysis does not need are
/// skipped whole. A line is all or nothing: when it is malformed no span of it is returned.
/// </summary>
internal sealed partial class OtlpLineParser(StringPool strings)
{
    private readonly List<ParsedSpan> _spans = [];
    private readonly ParsedSpan _resource = new();
    private readonly ParseContext[] _stack = new ParseContext[64];
    private int _depth;
    private int _count;
    private byte[] _line = [];
    private int _lineOffset;
    private int _resourceFirstSpan;
    private int _scopeFirstSpan;
    private string? _scopeName;
    private AttributeTarget _attributeTarget;
    private bool _attributeKeySeen;
    private UInt128 _linkTraceId;
    private bool _linkIsFixture;

    public StringPool Strings { get; } = strings;

    /// <summary>Run id for spans that carry no <c>test.run.id</c> (typically the file they came from).</summary>
    public string? FallbackRunId { get; set; }

    public int Count => _count;

    public ParsedSpan this[int index] => _spans[index];

    private ParsedSpan CurrentSpan => _spans[_count - 1];

    public bool TryParse(ReadOnlySpan<byte> line, [NotNullWhen(false)] out string? error) =>
        TryParse(line.ToArray(), 0, line.Length, out error);

    /// <summary>Parses <paramref name="count"/> bytes at <paramref name="offset"/>; string values are read in place from the buffer.</summary>
    public bool TryParse(byte[] buffer, int offset, int count, [NotNullWhen(false)] out string? error)
    {
        _count = 0;
        _depth = 0;
        _line = buffer;
        _lineOffset = offset;
        try
        {
            var reader = new OtlpJsonScanner(buffer.AsSpan(offset, count));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidOtlpException("a line must be one JSON object (OTLP TracesData)");
            }

            Walk(ref reader);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOtlpException or InvalidOperationException or FormatException)
        {
            _count = 0;
            error = ex.Message;
            return false;
        }
    }

    private void Walk(ref OtlpJsonScanner reader)
    {
        _stack[_depth++] = ParseContext.Root;
        var field = OtlpField.Unknown;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    field = OtlpFieldNames.Classify(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var next = Enter(_stack[_depth - 1], field, reader.TokenType == JsonTokenType.StartArray);
                    if (next == ParseContext.Attribute && reader.TryMatchFlatAttribute(out var flat) && ReadFlatAttribute(ref reader, flat))
                    {
                        // Read whole from its bytes: the scanner is on its closing brace.
                    }
                    else if (next == ParseContext.AnyValue && _attributeKeySeen && _attributeKey == AttributeKey.Unknown)
                    {
                        // The value of an attribute the analysis does not read: skip it without looking.
                        reader.Skip();
                    }
                    else if (next is { } context)
                    {
                        _stack[_depth++] = context;
                        Opened(context);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    field = OtlpField.Unknown;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Closed(_stack[--_depth]);
                    break;
                default:
                    Value(ref reader, _stack[_depth - 1], field);
                    field = OtlpField.Unknown;
                    break;
            }
        }
    }

    /// <summary>The context a nested object or array opens, or null to skip it whole.</summary>
    private static ParseContext? Enter(ParseContext parent, OtlpField field, bool isArray)
    {
        var (context, wantsArray) = (parent, field) switch
        {
            (ParseContext.Root, OtlpField.ResourceSpans) => (ParseContext.ResourceSpansList, true),
            (ParseContext.ResourceSpansList, _) => (ParseContext.ResourceSpans, false),
            (ParseContext.ResourceSpans, OtlpField.Resource) => (ParseContext.Resource, false),
            (ParseContext.ResourceSpans, OtlpField.ScopeSpans) => (ParseContext.ScopeSpansList, true),
            (ParseContext.Resource or ParseContext.Span or ParseContext.Event or ParseContext.Link, OtlpField.Attributes) => (ParseContext.AttributeList, true),
            (ParseContext.ScopeSpansList, _) => (ParseContext.ScopeSpans, false),
            (ParseContext.ScopeSpans, OtlpField.Scope) => (ParseContext.Scope, false),
            (ParseContext.ScopeSpans, OtlpField.Spans) => (ParseContext.SpanList, true),
            (ParseContext.SpanList, _) => (ParseContext.Span, false),
            (ParseContext.Span, OtlpField.Status) => (ParseContext.Status, false),
            (ParseContext.Span, OtlpField.Events) => (ParseContext.EventList, true),
            (ParseContext.EventList, _) => (ParseContext.Event, false),
            (ParseContext.Span, OtlpField.Links) => (ParseContext.LinkList, true),
            (ParseContext.LinkList, _) => (ParseContext.Link, false),
            (ParseContext.AttributeList, _) => (ParseContext.Attribute, false),
            (ParseContext.Attribute, OtlpField.Value) => (ParseContext.AnyValue, false),
            _ => ((ParseContext?)null, false),
        };
        if (context is not null && wantsArray != isArray)
        {
            throw new InvalidOtlpException($"{field} in {parent} must be {(wantsArray ? "an array" : "an object")}");
        }

        return context;
    }

    private void Opened(ParseContext context)
    {
        switch (context)
        {
            case ParseContext.ResourceSpans:
                _resourceFirstSpan = _count;
                _resource.Reset();
                break;
            case ParseContext.ScopeSpans:
                _scopeFirstSpan = _count;
                _scopeName = null;
                break;
            case ParseContext.Span:
                if (_count == _spans.Count)
                {
                    _spans.Add(new ParsedSpan());
                }

                _spans[_count++].Reset();
                break;
            case ParseContext.AttributeList:
                _attributeTarget = _stack[_depth - 2] switch
                {
                    ParseContext.Resource => AttributeTarget.Resource,
                    ParseContext.Event => AttributeTarget.Event,
                    ParseContext.Link => AttributeTarget.Link,
                    _ => AttributeTarget.Span,
                };
                break;
            case ParseContext.Attribute:
                BeginAttribute();
                break;
            case ParseContext.Link:
                _linkTraceId = UInt128.Zero;
                _linkIsFixture = false;
                break;
            default:
                break;
        }
    }

    private void Closed(ParseContext context)
    {
        switch (context)
        {
            case ParseContext.Span when CurrentSpan.TraceId == UInt128.Zero:
                throw new InvalidOtlpException("span without traceId");
            case ParseContext.Attribute:
                EndAttribute(_attributeTarget == AttributeTarget.Resource ? _resource : CurrentSpan);
                break;
            case ParseContext.Link when _linkIsFixture && _linkTraceId != UInt128.Zero:
                (CurrentSpan.FixtureTraceIds ??= []).Add(_linkTraceId);
                break;
            case ParseContext.ScopeSpans:
                for (var i = _scopeFirstSpan; i < _count; i++)
                {
                    _spans[i].ScopeName = _scopeName;
                }

                break;
            case ParseContext.ResourceSpans:
                // The resource may follow its spans in the object, so it is applied once the object ends.
                for (var i = _resourceFirstSpan; i < _count; i++)
                {
                    var span = _spans[i];
                    span.Commit = _resource.Commit;
                    span.ServiceName = _resource.ServiceName;
                    span.HostName = _resource.HostName;
                    span.InheritRuntime(_resource);
                    span.RunId ??= _resource.RunId ?? FallbackRunId;
                    if (span.ProcessId == 0)
                    {
                        span.ProcessId = _resource.ProcessId;
                    }
                }

                break;
            default:
                break;
        }
    }

    private static ReadOnlySpan<byte> Unescaped(ref OtlpJsonScanner reader)
    {
        // Escaped names are rare; unescaped they are never longer than escaped.
        var buffer = new byte[reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }
}
