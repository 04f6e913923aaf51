using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Reading;

/// <summary>What one parallel reader owns: its parser, string pool and aggregates, shared with no other thread.</summary>
internal sealed class ReaderPartition
{
    public ReaderPartition(TraceReadOptions options)
    {
        var strings = new StringPool();
        Aggregator = new TraceAggregator(strings, options);
        Reader = new OtlpChunkReader(new OtlpLineParser(strings), Aggregator);
    }

    public TraceAggregator Aggregator { get; }

    public OtlpChunkReader Reader { get; }
}
