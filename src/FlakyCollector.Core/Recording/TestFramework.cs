namespace FlakyCollector.Recording;

/// <summary>The test frameworks the collector recognises, by their vstest adapter or their assemblies.</summary>
internal enum TestFramework
{
    Unknown,
    XUnit,
    NUnit,
    MSTest,
    TUnit,
}
