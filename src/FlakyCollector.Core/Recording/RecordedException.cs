namespace FlakyCollector.Recording;

/// <summary>
/// An exception thrown while a test was the current trace: its type, and the start of its message,
/// by which the front end tells the one that failed the test from those the test threw and caught.
/// </summary>
internal sealed record RecordedException(string Type, string? Message)
{
    /// <summary>Enough of a message to find it in the failure text; the rest only costs memory.</summary>
    public const int MaxMessageLength = 256;

    public static RecordedException Of(Exception exception)
    {
        var message = exception.Message;
        return new RecordedException(
            exception.GetType().FullName ?? exception.GetType().Name,
            message.Length <= MaxMessageLength ? message : message[..MaxMessageLength]);
    }
}
