namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>A test of the simulated suite: its name, typical duration and behaviour.</summary>
internal sealed record SampleTest(string Name, double MeanMs, SampleBehavior Behavior)
{
    public string Suite => Name.Split('(')[0][..Name.Split('(')[0].LastIndexOf('.')];

    public string DisplayName => Name[(Suite.Length + 1)..];
}
