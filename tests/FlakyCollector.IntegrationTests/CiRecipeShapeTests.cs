using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>The CI recipes in docs/ci parse as YAML and hold the documented sequence: restore the history, test traced, gate, add the run, save.</summary>
public sealed class CiRecipeShapeTests
{
    [Theory]
    [InlineData("github-actions.yml")]
    [InlineData("azure-pipelines.yml")]
    public void Recipe_RestoresTestsGatesAddsAndSaves_InThatOrder(string file)
    {
        var recipe = CiRecipe.Load(Path.Combine(RepositoryPaths.Root, "docs", "ci", file));

        var steps = recipe.Steps.Where(s => s.Kind != CiStepKind.Other).ToList();
        var restore = steps.FindIndex(s => s.Kind == CiStepKind.RestoreCache);
        var test = steps.FindIndex(s => s.Text.Contains("dotnet test --collect FlakyTrace", StringComparison.Ordinal));
        var gate = steps.FindIndex(s => s.Text.Contains("flakytrace gate --history", StringComparison.Ordinal));
        var add = steps.FindIndex(s => s.Text.Contains("flakytrace history add", StringComparison.Ordinal));
        Assert.True(restore >= 0 && restore < test && test < gate && gate < add, string.Join("\n", steps));
        Assert.True(recipe.GitHub
            ? steps.FindIndex(s => s.Kind == CiStepKind.SaveCache) > add && steps[add].Always
            : recipe.Jobs[0].SavesCacheOnSuccess && recipe.Jobs.Count == 2);
        Assert.Contains("--format markdown", steps[gate].Text, StringComparison.Ordinal);
    }
}
