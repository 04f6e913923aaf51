using System.Globalization;
using System.Text;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>Evidence figures as a person reads them: "failing median ms" and "12.5 ms", not <c>failingMedianMs=12.5</c>.</summary>
internal static class EvidenceText
{
    public static string Name(string key)
    {
        var words = new StringBuilder();
        foreach (var c in key)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        var text = words.ToString();
        return text.EndsWith(" ms", StringComparison.Ordinal) ? text[..^3] : text == "p value" ? "p-value (adjusted)" : text;
    }

    public static string Value(string key, object value) => value switch
    {
        IReadOnlyDictionary<string, int> map => map.Count == 0 ? "none" : string.Join(", ", map.Select(kv => $"{kv.Key} ({kv.Value}×)")),
        IReadOnlyList<string> texts => texts.Count == 0 ? "none" : string.Join("; ", texts),
        double d when key == "pValue" => Causes.Significance.PValueText(d),
        double d when key.EndsWith("Ms", StringComparison.Ordinal) => Figures.Ms(d),
        double d when key.StartsWith("probability", StringComparison.Ordinal) || key.StartsWith("failureRate", StringComparison.Ordinal) => Figures.Percent(d),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
