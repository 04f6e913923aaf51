using System.Globalization;
using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// A cause given on the command line (<c>repro --cause</c>) instead of the one the traces name: a
/// hypothesis of one's own, put to the same experiment.
/// <code>
/// timing=SPAN:250ms           the span, slower by 250 ms
/// race=SPAN                   the span's work ends after the test
/// external=SPAN[:503|:refused] the HTTP call answers 503 (the default) or is refused
/// order=TEST                  TEST runs before
/// contention=TEST[,TEST...]   these tests run alongside; contention=* : the whole suite
/// </code>
/// </summary>
public static class CauseHypothesis
{
    public const string Syntax = "timing=SPAN:250ms, race=SPAN, external=SPAN[:503|:refused], order=TEST or contention=TEST[,TEST...]|*";

    public static CauseHint? Parse(string text, out string? problem)
    {
        problem = null;
        var equals = text.IndexOf('=');
        var kind = equals > 0 ? text[..equals].Trim().ToLowerInvariant() : "";
        var target = equals > 0 ? text[(equals + 1)..].Trim() : "";
        if (target.Length == 0)
        {
            problem = $"--cause '{text}' is not valid; use {Syntax}.";
            return null;
        }

        var (subject, value) = Split(target);
        switch (kind)
        {
            case "timing" when value is not null && Milliseconds(value) is { } ms:
                return Hint(CauseKind.Timing, $"{subject} slower by {ms} ms", ("span", subject), ("failingMedianMs", ms), ("passingMedianMs", 0.0));
            case "race":
                return Hint(CauseKind.Race, $"{target} ends after the test", ("span", target));
            case "external" when value is null or "refused":
                return Hint(CauseKind.External, $"{subject} refuses the connection", ("span", subject));
            case "external" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and <= 599:
                return Hint(CauseKind.External, $"{subject} answers {status}", ("span", subject), ("failingStatusCodes", new Dictionary<string, int> { [value] = 1 }));
            case "order":
                return Hint(CauseKind.Order, $"{target} runs before", ("otherTest", target));
            case "contention" when target == "*":
                return Hint(CauseKind.Contention, "the whole suite runs alongside");
            case "contention":
                return Hint(CauseKind.Contention, $"{target} runs alongside", ("otherTest", target), ("otherTests", target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            default:
                problem = $"--cause '{text}' is not valid; use {Syntax}.";
                return null;
        }
    }

    // The value follows the last colon, when what follows looks like one: a label never ends in ":503".
    private static (string Subject, string? Value) Split(string target)
    {
        var colon = target.LastIndexOf(':');
        if (colon <= 0)
        {
            return (target, null);
        }

        var value = target[(colon + 1)..].Trim();
        return value == "refused" || value.All(char.IsDigit) || Milliseconds(value) is not null
            ? (target[..colon].Trim(), value)
            : (target, null);
    }

    private static double? Milliseconds(string value)
    {
        var number = value.EndsWith("ms", StringComparison.Ordinal) ? value[..^2] : value;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : null;
    }

    private static CauseHint Hint(CauseKind kind, string summary, params (string Name, object Value)[] evidence) =>
        new(kind, 0, $"{summary} (given with --cause)", [.. evidence.Select(e => new EvidenceFigure(e.Name, e.Value))]);
}
