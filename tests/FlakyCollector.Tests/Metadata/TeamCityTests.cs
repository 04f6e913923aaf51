using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class TeamCityTests
{
    private static Dictionary<string, string> Build() => new()
    {
        ["TEAMCITY_VERSION"] = "2025.03.2 (build 186049)",
        ["TEAMCITY_PROJECT_NAME"] = "Shop",
        ["TEAMCITY_BUILDCONF_NAME"] = "Unit Tests",
        ["BUILD_NUMBER"] = "1.4.233",
        ["BUILD_VCS_NUMBER"] = "1f2e3d4c5b6a79880716253443526170a9b8c7d6",
    };

    [Fact]
    public void Detect_Build_ReportsConfigurationBuildNumberAndRevision()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(Build())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "teamcity",
                ["cicd.pipeline.name"] = "Unit Tests",
                ["cicd.pipeline.run.id"] = "1.4.233",
                ["vcs.ref.head.revision"] = "1f2e3d4c5b6a79880716253443526170a9b8c7d6",
            },
            attributes);
    }

    [Fact]
    public void Detect_TeamCityAndJenkinsVariables_TeamCityWins()
    {
        // BUILD_NUMBER is a Jenkins name too; an agent may also inherit a stray JENKINS_URL.
        var environment = Build();
        environment["JENKINS_URL"] = "https://jenkins.contoso.net/";

        Assert.Equal("teamcity", CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("flakytrace.cicd.provider.name"));
    }
}
