namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>Why a sample test passes or fails: the known cause the analysis must find.</summary>
internal enum SampleBehavior
{
    Stable,
    Broken,
    SlowQuery,
    Unavailable503,
    OrderDependent,
    SharedState,
    Contention,
}
