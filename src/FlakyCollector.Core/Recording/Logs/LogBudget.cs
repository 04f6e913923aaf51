using FlakyCollector.Spans;

namespace FlakyCollector.Recording.Logs;

/// <summary>
/// The log records of one test, bounded in count and bytes: a test that logs in a loop must not
/// fill the recording's memory or the trace file. What is over the bound is counted, not kept.
/// </summary>
internal sealed class LogBudget(int maxRecords, int maxBytes)
{
    private readonly List<LogRecordData> records = [];
    private int bytes;

    public int Dropped { get; private set; }

    public void Add(LogRecordData record)
    {
        lock (records)
        {
            var size = record.Size;
            if (records.Count >= maxRecords || bytes + size > maxBytes)
            {
                Dropped++;
                return;
            }

            records.Add(record);
            bytes += size;
        }
    }

    public (IReadOnlyList<LogRecordData> Records, int Dropped) Take()
    {
        lock (records)
        {
            var taken = (records.ToArray(), Dropped);
            records.Clear();
            bytes = 0;
            Dropped = 0;
            return taken;
        }
    }
}
