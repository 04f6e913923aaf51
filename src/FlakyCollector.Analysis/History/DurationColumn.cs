namespace FlakyCollector.Analysis.History;

/// <summary>A run's durations in the history file: milliseconds as unsigned LEB128 varints, base64. Most tests take one byte.</summary>
internal static class DurationColumn
{
    public static string Encode(int[] milliseconds)
    {
        var bytes = new List<byte>(milliseconds.Length + 8);
        foreach (var ms in milliseconds)
        {
            var value = (uint)Math.Max(0, ms);
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            bytes.Add((byte)value);
        }

        return Convert.ToBase64String(bytes.ToArray());
    }

    /// <exception cref="InvalidDataException">The column does not hold <paramref name="count"/> values.</exception>
    public static int[] Decode(string text, int count)
    {
        var bytes = Convert.FromBase64String(text);
        var values = new int[count];
        int at = 0, i = 0;
        while (i < count && at < bytes.Length)
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[at++];
                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && at < bytes.Length && shift < 35);

            values[i++] = (int)Math.Min(value, int.MaxValue);
        }

        return i == count && at == bytes.Length ? values : throw new InvalidDataException($"a run's duration column holds other than {count} values");
    }
}
