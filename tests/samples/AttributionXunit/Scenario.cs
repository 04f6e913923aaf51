using System.Runtime.CompilerServices;

namespace AttributionXunit;

/// <summary>
/// What every test of this suite does: HTTP calls to the one shared <see cref="EchoService"/>,
/// each carrying the test's identity (<c>?test=Class.Method.row</c>), made in one of three ways
/// chosen by the data row, so that tools can check which test every call is attributed to.
/// </summary>
public static class Scenario
{
    public const int RowsPerClass = 25;

    private static readonly Lazy<EchoService> SharedService = new(EchoService.Start);

    // One client for the whole assembly, as a real suite would share it: its connections are
    // reused by different tests.
    private static readonly HttpClient Client = new();

    public static EchoService Service => SharedService.Value;

    public static IEnumerable<object[]> Rows => Enumerable.Range(0, RowsPerClass).Select(row => new object[] { row });

    /// <summary>The calls a test of this row makes: rows 1, 5, 9, ... make one, every other row two.</summary>
    public static int CallsFor(int row) => row % 4 == 1 ? 1 : 2;

    /// <summary>The test's identity as it appears in its calls: <c>Class.Method.row</c>.</summary>
    public static string Id(object test, int row, [CallerMemberName] string method = "") => $"{test.GetType().Name}.{method}.{row}";

    public static Task RunAsync(string testId, int row) => (row % 4) switch
    {
        1 => CallAsync(testId, "single"),
        3 => FromTaskRunAndTimerAsync(testId),
        _ => Task.WhenAll(CallAsync(testId, "a"), CallAsync(testId, "b")), // even rows: two concurrent calls
    };

    public static async Task CallAsync(string testId, string call)
    {
        var answer = await Client.GetStringAsync($"{Service.Url}?test={Uri.EscapeDataString(testId)}&call={call}");
        if (answer != testId)
        {
            throw new InvalidOperationException($"the service answered '{answer}' to the call of '{testId}'");
        }
    }

    // One call from a thread-pool task, one from a timer callback; the test waits for both.
    private static async Task FromTaskRunAndTimerAsync(string testId)
    {
        var timerCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = new Timer(async _ =>
        {
            try
            {
                await CallAsync(testId, "timer");
                timerCall.SetResult();
            }
            catch (Exception e)
            {
                timerCall.SetException(e);
            }
        }, null, Random.Shared.Next(1, 10), Timeout.Infinite);

        var background = Task.Run(() => CallAsync(testId, "task"));

        await Task.WhenAll(background, timerCall.Task);
    }
}
