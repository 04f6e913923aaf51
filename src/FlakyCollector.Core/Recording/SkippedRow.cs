namespace FlakyCollector.Recording;

/// <summary>
/// A theory row reported skipped (or not run) ran no hook when xUnit skipped it by its attribute,
/// so the oldest recording under the rows' shared key is a later row's. Only a row that skipped
/// itself from its body ran the hook, and then threw a skip exception inside its recording
/// (Xunit.SkippableFact's, xUnit v3's <c>Assert.Skip</c>).
/// </summary>
internal static class SkippedRow
{
    public static bool SkippedItself(string? lastExceptionType) =>
        lastExceptionType?.EndsWith("SkipException", StringComparison.Ordinal) == true;
}
