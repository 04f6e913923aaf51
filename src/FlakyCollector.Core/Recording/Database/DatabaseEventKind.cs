namespace FlakyCollector.Recording.Database;

/// <summary>What a database diagnostic event means to a span.</summary>
internal enum DatabaseEventKind
{
    Other,
    CommandStart,
    ConnectionStart,
    End,
    Failure,
}
