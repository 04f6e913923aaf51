using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>The infrastructure itself: private package restores, and failures that show their output.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class SampleProjectTests(PackageFeed feed)
{
    [Fact]
    public void Create_RestoresThePackedVersionIntoThisRunsPrivatePackagesFolder()
    {
        using var sample = SampleProject.Create("XunitSample", feed);

        var assets = File.ReadAllText(Path.Combine(sample.Directory, "obj", "project.assets.json"));
        Assert.Contains($"\"FlakyCollector/{feed.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains(DotnetCommand.PackagesFolder, assets, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(DotnetCommand.PackagesFolder, "flakycollector", feed.Version)));
    }

    [Fact]
    public void Test_SampleThatDoesNotBuild_ThrowsWithTheRunsWholeOutput()
    {
        using var sample = SampleProject.Create("XunitSample", feed);
        File.WriteAllText(Path.Combine(sample.Directory, "Broken.cs"), "namespace Broken; this is not C#");

        var failure = Assert.Throws<InvalidOperationException>(() => sample.Test(["--collect", "FlakyTrace"]));

        Assert.Contains($"in {sample.Directory} exited 1 and wrote no test results. Its output:", failure.Message, StringComparison.Ordinal);
        Assert.Matches(@"Broken\.cs\([0-9]+,[0-9]+\): error CS[0-9]+", failure.Message);
    }
}
