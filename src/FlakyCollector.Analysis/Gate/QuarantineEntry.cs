namespace FlakyCollector.Analysis.Gate;

/// <summary>A test a team has put in quarantine: known flaky, with its cause, first and last seen failing.</summary>
/// <param name="Service">Null matches the name in any service.</param>
/// <param name="Runtime">Null matches the name on any runtime.</param>
/// <param name="Cause">The cause kind (<c>race</c>, <c>timing</c>, ...).</param>
public sealed record QuarantineEntry(string Name, string? Service, string? Runtime, string Cause, string Summary, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen)
{
    public bool Matches(string name, string? service, string? runtime) =>
        Name == name && (Service is null || Service == service) && (Runtime is null || Runtime == runtime);
}
