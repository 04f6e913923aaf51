namespace FlakyTrace.Cli.Tests;

public sealed class ReproTestFilterTests
{
    [Theory]
    [InlineData("Ns.C.M", "Ns.C.M")]
    [InlineData("Ns.C.M(value: 1)", "Ns.C.M")]
    [InlineData("Ns.Guards.NotNull<Int32>(value: 1)", "Ns.Guards.NotNull")]
    [InlineData("Ns.C.M[first row]", "Ns.C.M")]
    public void Method_DropsRowsAndGenericArguments(string test, string method)
    {
        Assert.Equal(method, ReproTestFilter.Method(test));
    }

    [Fact]
    public void For_VSTest_FiltersByFullyQualifiedName()
    {
        Assert.Equal(["--filter", "FullyQualifiedName=Ns.C.M|FullyQualifiedName=Ns.D.N"],
            ReproTestFilter.For(TestRunner.VSTest, "/nowhere", ["Ns.C.M(x: 1)", "Ns.C.M(x: 2)", "Ns.D.N"]));
    }

    [Fact]
    public void For_XunitV3OnThePlatform_FiltersByMethod()
    {
        var folder = Directory.CreateTempSubdirectory("flakytrace-filter-").FullName;
        File.WriteAllText(Path.Combine(folder, "T.csproj"), """<Project><ItemGroup><PackageReference Include="xunit.v3" Version="3.2.0" /></ItemGroup></Project>""");

        Assert.Equal(["--filter-method", "Ns.C.M", "--filter-method", "Ns.D.N"], ReproTestFilter.For(TestRunner.MicrosoftTestingPlatform, folder, ["Ns.C.M", "Ns.D.N"]));
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("Charges_TheCard", true)]
    [InlineData("Checkout.Charges_TheCard", true)]
    [InlineData("FlakySample.Checkout.Charges_TheCard", true)]
    [InlineData("TheCard", false)]
    [InlineData("Checkout.Charges", false)]
    public void Names_FullNameMethodOrTrailingPart(string given, bool expected)
    {
        Assert.Equal(expected, ReproTargets.Names(given, "FlakySample.Checkout.Charges_TheCard"));
    }
}
