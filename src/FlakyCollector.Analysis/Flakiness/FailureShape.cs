using System.Text.RegularExpressions;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// The shape of a failure message: what is left when the parts that change from run to run are
/// masked, so "rendering took 300 ms" and "rendering took 307 ms" are one failure. Masked: GUIDs,
/// hex ids of 8 or more digits, dates and times, and every other number.
/// </summary>
internal static partial class FailureShape
{
    public static string Of(string headline) => Numbers().Replace(Times().Replace(HexIds().Replace(Guids().Replace(headline, "{guid}"), "{id}"), "{time}"), "{n}");

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guids();

    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\b")]
    private static partial Regex HexIds();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\b\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\b")]
    private static partial Regex Times();

    [GeneratedRegex(@"\d+([.,]\d+)*")]
    private static partial Regex Numbers();
}
