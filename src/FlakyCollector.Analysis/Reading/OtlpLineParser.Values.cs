using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>Primitive values: span fields, status, and attributes (<c>{"key":..,"value":{"stringValue":..}}</c>).</summary>
internal sealed partial class OtlpLineParser
{
    /// <summary>The <c>flakytrace.link.type</c> of a link from a test span to the trace of a fixture that served it.</summary>
    internal const string FixtureLinkType = "fixture";

    private char[] _chars = new char[512];
    private int _charLength;
    private int _valueStart;
    private int _valueLength;
    private AttributeKey _attributeKey;
    private AnyValueKind _valueKind;
    private long _number;

    private void Value(ref OtlpJsonScanner reader, ParseContext context, OtlpField field)
    {
        switch (context)
        {
            case ParseContext.Span:
                SpanValue(ref reader, CurrentSpan, field);
                break;
            case ParseContext.Link when field == OtlpField.TraceId:
                _linkTraceId = OtlpIds.ReadTraceId(ref reader);
                break;
            case ParseContext.Status when field == OtlpField.Code:
                CurrentSpan.StatusCode = OtlpEnums.ReadStatusCode(ref reader);
                break;
            case ParseContext.Status when field == OtlpField.Message && reader.TokenType == JsonTokenType.String:
                var message = reader.GetString();
                CurrentSpan.StatusMessage = string.IsNullOrEmpty(message) ? null : message;
                break;
            case ParseContext.Scope when field == OtlpField.Name && reader.TokenType == JsonTokenType.String:
                _scopeName = InternString(ref reader);
                break;
            case ParseContext.Attribute when field == OtlpField.Key && reader.TokenType == JsonTokenType.String:
                _attributeKey = AttributeKeys.Classify(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan);
                _attributeKeySeen = true;
                break;
            case ParseContext.AnyValue:
                CaptureValue(ref reader, field);
                break;
            default:
                break;
        }
    }

    private void SpanValue(ref OtlpJsonScanner reader, ParsedSpan span, OtlpField field)
    {
        switch (field)
        {
            case OtlpField.TraceId: span.TraceId = OtlpIds.ReadTraceId(ref reader); break;
            case OtlpField.SpanId: span.SpanId = OtlpIds.ReadSpanId(ref reader); break;
            case OtlpField.ParentSpanId: span.ParentSpanId = OtlpIds.ReadSpanId(ref reader); break;
            case OtlpField.Name when reader.TokenType == JsonTokenType.String: span.Name = InternString(ref reader); break;
            case OtlpField.Kind: span.Kind = OtlpEnums.ReadSpanKind(ref reader); break;
            case OtlpField.StartTimeUnixNano: span.StartNanos = ReadInt64(ref reader); break;
            case OtlpField.EndTimeUnixNano: span.EndNanos = ReadInt64(ref reader); break;
            default: break;
        }
    }

    private void BeginAttribute()
    {
        _attributeKey = AttributeKey.Unknown;
        _attributeKeySeen = false;
        _valueKind = AnyValueKind.None;
    }

    /// <summary>
    /// An attribute of the flat shape, read as its tokens would have been, or false (nothing read)
    /// when its integer does not parse, so that the tokens report it.
    /// </summary>
    private bool ReadFlatAttribute(ref OtlpJsonScanner reader, in FlatAttribute attribute)
    {
        var key = AttributeKeys.Classify(_line.AsSpan(_lineOffset + attribute.KeyStart, attribute.KeyLength));
        var kind = AnyValueKind.Utf8String;
        long number = 0;
        if (attribute.IsInt && key != AttributeKey.Unknown)
        {
            // The value of an unknown key is skipped unread, as the tokens would skip it.
            if (!Utf8Parser.TryParse(_line.AsSpan(_lineOffset + attribute.ValueStart, attribute.ValueLength), out number, out var used)
                || used != attribute.ValueLength)
            {
                return false;
            }

            kind = AnyValueKind.Number;
        }

        BeginAttribute();
        _attributeKey = key;
        _attributeKeySeen = true;
        if (key != AttributeKey.Unknown)
        {
            _valueKind = kind;
            _number = number;
            _valueStart = _lineOffset + attribute.ValueStart;
            _valueLength = attribute.ValueLength;
        }

        reader.EndFlatAttribute(attribute);
        EndAttribute(_attributeTarget == AttributeTarget.Resource ? _resource : CurrentSpan);
        return true;
    }

    /// <summary>Remembers an AnyValue; it is applied when the attribute object ends, so "value" may precede "key".</summary>
    private void CaptureValue(ref OtlpJsonScanner reader, OtlpField field)
    {
        switch (field)
        {
            case OtlpField.StringValue when reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped:
                // Where the bytes are, not a copy: most values are only interned, never transcoded.
                _valueStart = _lineOffset + (int)reader.TokenStartIndex + 1;
                _valueLength = reader.ValueSpan.Length;
                _valueKind = AnyValueKind.Utf8String;
                break;
            case OtlpField.StringValue when reader.TokenType == JsonTokenType.String:
                EnsureChars(reader.ValueSpan.Length);
                _charLength = reader.CopyString(_chars);
                _valueKind = AnyValueKind.String;
                break;
            case OtlpField.IntValue:
                _number = ReadInt64(ref reader);
                _valueKind = AnyValueKind.Number;
                break;
            case OtlpField.DoubleValue:
                _number = (long)ReadDouble(ref reader);
                _valueKind = AnyValueKind.Number;
                break;
            case OtlpField.BoolValue:
                _number = reader.TokenType == JsonTokenType.True ? 1 : 0;
                _valueKind = AnyValueKind.Number;
                break;
            default:
                break;
        }
    }

    private void EndAttribute(ParsedSpan target)
    {
        var key = _attributeKey;
        if (key == AttributeKey.Unknown || _valueKind == AnyValueKind.None
            || (_attributeTarget == AttributeTarget.Event && key is not (AttributeKey.ExceptionType or AttributeKey.ExceptionMessage or AttributeKey.ExceptionStackTrace)))
        {
            return;
        }

        if (_attributeTarget == AttributeTarget.Link)
        {
            // A link's only attribute read is its type: work a fixture did for the linking test.
            _linkIsFixture |= key == AttributeKey.LinkType && ValueChars().Equals(FixtureLinkType, StringComparison.Ordinal);
            return;
        }

        switch (key)
        {
            case AttributeKey.TestHostPid: target.ProcessId = AsLong(); break;
            case AttributeKey.TestAttempt: target.Attempt = (int)AsLong(); break;
            case AttributeKey.HttpStatusCode: target.HttpStatusCode = (int)AsLong(); break;
            case AttributeKey.TestSuiteRunStatus: target.IsSuiteRun = true; break;
            case AttributeKey.SpanLate: target.IsLate = AsLong() != 0; break;
            case AttributeKey.SpanUnfinished: target.IsUnfinished = AsLong() != 0; break;
            case AttributeKey.ExceptionMessage: target.ExceptionMessage = ValueChars().ToString(); break;
            case AttributeKey.ExceptionStackTrace: target.ExceptionStackTrace = ValueChars().ToString(); break;
            case AttributeKey.UrlFull: ApplyUrl(target, ValueChars()); break;
            case AttributeKey.UrlPath: target.UrlPath = InternTemplate(ValueChars()); break;
            default: ApplyInterned(key, target, _valueKind == AnyValueKind.Utf8String ? Strings.Intern(Utf8Value) : Strings.Intern(ValueChars())); break;
        }
    }

    private static void ApplyInterned(AttributeKey key, ParsedSpan target, string value)
    {
        switch (key)
        {
            case AttributeKey.TestCaseName: target.TestCaseName = value; break;
            case AttributeKey.TestResultStatus: target.TestResultStatus = value; break;
            case AttributeKey.TestOutcome: target.TestOutcome = value; break;
            case AttributeKey.TestSuiteName: target.TestSuiteName = value; break;
            case AttributeKey.TestRunId: target.RunId = value; break;
            case AttributeKey.ErrorType: target.ErrorType = value; break;
            case AttributeKey.HttpMethod: target.HttpMethod = value; break;
            case AttributeKey.ServerAddress: target.ServerAddress = value; break;
            case AttributeKey.HttpRoute: target.HttpRoute = value; break;
            case AttributeKey.ExceptionType: target.ExceptionType = value; break;
            case AttributeKey.ServiceName: target.ServiceName = value; break;
            case AttributeKey.Revision: target.Commit = value; break;
            case AttributeKey.HostName: target.HostName = value; break;
            case AttributeKey.RuntimeName: target.RuntimeName = value; break;
            case AttributeKey.RuntimeVersion: target.RuntimeVersion = value; break;
            case AttributeKey.RuntimeDescription: target.RuntimeDescription = value; break;
            case AttributeKey.DbSystem: target.DbSystem = value; break;
            case AttributeKey.DbOperation: target.DbOperation = value; break;
            case AttributeKey.DbCollection: target.DbCollection = value; break;
            case AttributeKey.FailurePhase: target.FailurePhase = value; break;
            default: break;
        }
    }

    private void ApplyUrl(ParsedSpan target, ReadOnlySpan<char> url)
    {
        UrlParts.Split(url, out var host, out var path);
        target.UrlHost = host.IsEmpty ? target.UrlHost : Strings.Intern(host);
        // url.path, when present, is the instrumentation's own statement of the path: it wins.
        target.UrlPath ??= InternTemplate(path);
    }

    private string InternTemplate(ReadOnlySpan<char> path)
    {
        Span<char> destination = path.Length <= 256 ? stackalloc char[(path.Length * 4) + 4] : new char[(path.Length * 4) + 4];
        return Strings.Intern(destination[..UrlParts.Template(path, destination)]);
    }

    private ReadOnlySpan<byte> Utf8Value => _line.AsSpan(_valueStart, _valueLength);

    /// <summary>The captured value as text; numbers are formatted (an <c>error.type</c> of 500, say).</summary>
    private ReadOnlySpan<char> ValueChars()
    {
        if (_valueKind == AnyValueKind.Utf8String)
        {
            EnsureChars(_valueLength);
            _charLength = Encoding.UTF8.GetChars(Utf8Value, _chars);
        }
        else if (_valueKind == AnyValueKind.Number)
        {
            EnsureChars(24);
            _number.TryFormat(_chars, out _charLength, default, CultureInfo.InvariantCulture);
        }

        return _chars.AsSpan(0, _charLength);
    }

    private long AsLong() => _valueKind switch
    {
        AnyValueKind.Number => _number,
        AnyValueKind.Utf8String => Utf8Parser.TryParse(Utf8Value, out long parsed, out var used) && used == _valueLength ? parsed : 0,
        _ => long.TryParse(_chars.AsSpan(0, _charLength), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromText) ? fromText : 0,
    };

    private string InternString(ref OtlpJsonScanner reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Strings.Intern(reader.ValueSpan);
        }

        EnsureChars(reader.ValueSpan.Length);
        return Strings.Intern(_chars.AsSpan(0, reader.CopyString(_chars)));
    }

    private void EnsureChars(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }
    }

    private static long ReadInt64(ref OtlpJsonScanner reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
        }

        if (reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed)
            && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }

        throw new InvalidOtlpException($"expected an integer (number or decimal string) at byte {reader.TokenStartIndex}");
    }

    private static double ReadDouble(ref OtlpJsonScanner reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble()
        : reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out double parsed, out _) ? parsed
        : 0;
}
