namespace FlakyCollector.Analysis.Model;

/// <summary>
/// How an execution's arrays of child spans and of their label summaries grow. Most executions
/// have two to four of each; doubling from two left a quarter of the array empty on average and
/// half of it at three, the commonest count. Growing by half fits two, three and four exactly.
/// </summary>
internal static class ChildCapacity
{
    public const int First = 2;

    public static int After(int length) => length + Math.Max(1, length >> 1);
}
