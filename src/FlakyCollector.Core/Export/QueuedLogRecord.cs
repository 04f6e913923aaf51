using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>A log record waiting in the <see cref="LogExportQueue"/>, with the resource it is sent under.</summary>
internal readonly record struct QueuedLogRecord(IReadOnlyList<SpanAttribute> Resource, LogRecordData Record);
