namespace FlakyCollector.Metadata;

// One CI system: how to recognise it from its environment, and what its variables say about the run.
internal interface ICiProvider
{
    // The flakytrace.cicd.provider.name value, e.g. github_actions.
    string Name { get; }

    bool IsActive(CiVariables variables);

    void Describe(CiVariables variables, RunAttributes attributes);
}
