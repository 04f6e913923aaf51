using System.Text;

namespace FlakyCollector.Export;

/// <summary>
/// Extracts the human-readable reason from the body of a failed OTLP/HTTP response: a protobuf
/// <c>google.rpc.Status</c> as the specification prescribes, or the text some servers send instead.
/// </summary>
internal static class OtlpErrorBody
{
    private const int MaxMessageLength = 200;

    /// <summary>Reads at most <paramref name="maxBytes"/> and returns the message, or null when there is none.</summary>
    public static async Task<string?> ReadMessageAsync(Stream body, string? mediaType, int maxBytes,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes];
        var length = 0;
        int read;
        while (length < buffer.Length
            && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        var bytes = buffer.AsSpan(0, length);
        string? message = mediaType switch
        {
            _ when length == 0 => null,
            not null when mediaType.Contains("protobuf", StringComparison.OrdinalIgnoreCase) => ReadStatusMessage(bytes),
            not null when mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) => Encoding.UTF8.GetString(bytes),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        message = message.Trim();
        return message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "...";
    }

    /// <summary>Field 2 (<c>message</c>) of a <c>google.rpc.Status</c>; null if the bytes are not one.</summary>
    internal static string? ReadStatusMessage(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            if (!TryReadVarint(bytes, ref position, out var tag))
            {
                return null;
            }

            switch (tag & 7)
            {
                case 0 when TryReadVarint(bytes, ref position, out _):
                    break;
                case 1 when position + 8 <= bytes.Length:
                    position += 8;
                    break;
                case 5 when position + 4 <= bytes.Length:
                    position += 4;
                    break;
                case 2 when TryReadVarint(bytes, ref position, out var size) && size <= (ulong)(bytes.Length - position):
                    if (tag >> 3 == 2)
                    {
                        return Encoding.UTF8.GetString(bytes.Slice(position, (int)size));
                    }

                    position += (int)size;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
