using YamlDotNet.RepresentationModel;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// A CI recipe from docs/ci, parsed as YAML: its jobs and steps (GitHub Actions' <c>jobs.*.steps</c>
/// with <c>run</c> and <c>actions/cache</c>; Azure Pipelines' <c>jobs[].steps</c> with <c>script</c>
/// and <c>Cache@2</c>). The tool installation step is left to the test, which puts the built tool on PATH.
/// </summary>
public sealed record CiRecipe(string Path, bool GitHub, IReadOnlyList<CiJob> Jobs)
{
    public static CiRecipe Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = root.Children[new YamlScalarNode("jobs")];
        return jobs is YamlMappingNode github
            ? new CiRecipe(path, true, [.. github.Children.Select(j => GitHubJob(j.Key.ToString(), (YamlMappingNode)j.Value))])
            : new CiRecipe(path, false, [.. ((YamlSequenceNode)jobs).Children.Cast<YamlMappingNode>().Select(AzureJob)]);
    }

    public IEnumerable<CiStep> Steps => Jobs.SelectMany(j => j.Steps);

    private static CiJob GitHubJob(string name, YamlMappingNode job) =>
        new(name, [.. Sequence(job, "steps").Select(step =>
        {
            var uses = Scalar(step, "uses") ?? "";
            var kind = uses.StartsWith("actions/cache/restore", StringComparison.Ordinal) ? CiStepKind.RestoreCache
                : uses.StartsWith("actions/cache/save", StringComparison.Ordinal) ? CiStepKind.SaveCache
                : Scalar(step, "run") is { } run && !IsToolInstall(run) ? CiStepKind.Script
                : CiStepKind.Other;
            var text = kind is CiStepKind.Script ? Scalar(step, "run")! : Scalar(Mapping(step, "with"), "path") ?? "";
            return new CiStep(kind, text, Scalar(step, "if") == "always()", Scalar(step, "continue-on-error") == "true", Scalar(step, "id"));
        })], new Dictionary<string, string>(), SavesCacheOnSuccess: false);

    private static CiJob AzureJob(YamlMappingNode job) =>
        new(Scalar(job, "job")!, [.. Sequence(job, "steps").Select(step =>
        {
            var task = Scalar(step, "task") ?? "";
            var kind = task.StartsWith("Cache@", StringComparison.Ordinal) ? CiStepKind.RestoreCache
                : Scalar(step, "script") is { } script && !IsToolInstall(script) ? CiStepKind.Script
                : CiStepKind.Other;
            var text = kind is CiStepKind.Script ? Scalar(step, "script")! : Scalar(Mapping(step, "inputs"), "path") ?? "";
            return new CiStep(kind, text, Scalar(step, "condition") == "always()", Scalar(step, "continueOnError") == "true", Scalar(step, "name"));
        })], Mapping(job, "variables")?.Children.ToDictionary(v => v.Key.ToString(), v => v.Value.ToString()) ?? [], SavesCacheOnSuccess: true);

    private static bool IsToolInstall(string script) => script.StartsWith("dotnet tool install", StringComparison.Ordinal);

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>() : [];

    private static YamlMappingNode? Mapping(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
