namespace FlakyCollector.Recording;

/// <summary>The test frameworks whose vstest adapters the collector recognises.</summary>
public enum TestFramework
{
    Unknown,
    XUnit,
    NUnit,
    MSTest,
}
