namespace FlakyCollector.Analysis.History;

/// <summary>Ascending test indexes as inclusive ranges: a run of a whole suite is one pair.</summary>
internal static class TestRanges
{
    public static IEnumerable<(int First, int Last)> Of(int[] ascending)
    {
        var i = 0;
        while (i < ascending.Length)
        {
            var first = ascending[i];
            var last = first;
            while (i + 1 < ascending.Length && ascending[i + 1] == last + 1)
            {
                last = ascending[++i];
            }

            i++;
            yield return (first, last);
        }
    }

    public static int[] Expand(IEnumerable<(int First, int Last)> ranges) =>
        [.. ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1))];
}
