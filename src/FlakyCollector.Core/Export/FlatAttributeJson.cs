using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FlakyCollector.Export;

/// <summary>
/// An attribute whose key and string value are printable ASCII that the writer leaves as it is
/// (most of them: names, paths, outcomes), written as one raw object,
/// <c>{"key":"K","value":{"stringValue":"V"}}</c>: byte for byte what the writer's seven calls
/// write, for one call and no escaping pass. Used for the attributes of spans that
/// <see cref="FlatTracesJson"/> cannot write whole.
/// </summary>
internal static class FlatAttributeJson
{
    private const int MaxBytes = 1024;

    /// <summary>Writes the attribute as one raw value into the array being written; false (nothing written) when it is not flat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryWrite(Utf8JsonWriter writer, string key, string value)
    {
        ReadOnlySpan<byte> start = "{\"key\":\""u8;
        ReadOnlySpan<byte> middle = "\",\"value\":{\"stringValue\":\""u8;
        ReadOnlySpan<byte> end = "\"}}"u8;
        var length = start.Length + key.Length + middle.Length + value.Length + end.Length;
        if (length > MaxBytes)
        {
            return false;
        }

        // The stack buffer is zeroed on every call, so it is made the attribute's exact size:
        // plain ASCII is one byte a character.
        Span<byte> json = stackalloc byte[length];
        start.CopyTo(json);
        var at = start.Length;
        if (!TryCopy(key, json, ref at))
        {
            return false;
        }

        middle.CopyTo(json[at..]);
        at += middle.Length;
        if (!TryCopy(value, json, ref at))
        {
            return false;
        }

        end.CopyTo(json[at..]);
        writer.WriteRawValue(json, skipInputValidation: true);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryCopy(string text, Span<byte> json, ref int at)
    {
        if (!PlainJsonText.TryCopy(text, json[at..]))
        {
            return false;
        }

        at += text.Length;
        return true;
    }
}
