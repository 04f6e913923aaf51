using System.Globalization;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>A count with its noun, in the number the count asks for: "1 run", "12 runs", "1,204 tests".</summary>
public static class Quantity
{
    /// <summary>Every noun the outputs count takes a plain "s" in the plural.</summary>
    public static string Of(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + Noun(count, noun);

    /// <summary>The noun alone, for "failed in 1 of 2 runs", where the last figure decides.</summary>
    public static string Noun(long count, string noun) => count == 1 ? noun : noun + "s";
}
