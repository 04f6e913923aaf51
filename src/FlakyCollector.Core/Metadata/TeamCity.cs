using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// TeamCity: https://www.jetbrains.com/help/teamcity/predefined-build-parameters.html. It exports few variables;
// the branch and repository URL come from the checked-out .git folder.
internal sealed class TeamCity : ICiProvider
{
    public string Name => "teamcity";

    public bool IsActive(CiVariables variables) => variables.IsSet("TEAMCITY_VERSION");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        attributes.Set(PipelineName, variables.Get("TEAMCITY_BUILDCONF_NAME"));
        attributes.Set(PipelineRunId, variables.Get("BUILD_NUMBER"));
        attributes.Set(HeadRevision, variables.Get("BUILD_VCS_NUMBER"));
    }
}
