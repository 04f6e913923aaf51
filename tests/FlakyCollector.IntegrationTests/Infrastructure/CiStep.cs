namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>One step of a CI recipe, as far as running it on this machine needs.</summary>
/// <param name="Kind">A shell script, a cache restore or save, or anything else (checkout, SDK and tool setup: done here already).</param>
/// <param name="Text">The script, or the cached path.</param>
/// <param name="Always">Runs after a failed step too (<c>if: always()</c>, <c>condition: always()</c>).</param>
/// <param name="Name">The step's name for output variables (Azure Pipelines' <c>name</c>).</param>
public sealed record CiStep(CiStepKind Kind, string Text, bool Always, bool ContinueOnError, string? Name);

/// <summary>What a <see cref="CiStep"/> does.</summary>
public enum CiStepKind
{
    Script,
    RestoreCache,
    SaveCache,
    Other,
}
