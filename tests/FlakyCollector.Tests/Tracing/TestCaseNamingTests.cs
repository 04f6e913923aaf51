using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TestCaseNamingTests
{
    [Theory]
    // xUnit: arguments only in the display name.
    [InlineData("Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests.Create(a: 1, b: 2)", "Shop.Tests.OrdersTests.Create(a: 1, b: 2)")]
    // NUnit: arguments already in the fully qualified name.
    [InlineData("Shop.Tests.OrdersTests.Create(1,2,3)", "Create(1,2,3)", "Shop.Tests.OrdersTests.Create(1,2,3)")]
    // MSTest: display name is the method and its data row.
    [InlineData("Shop.Tests.OrdersTests.Create", "Create (1,2,3)", "Shop.Tests.OrdersTests.Create(1,2,3)")]
    [InlineData("Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests.Create")]
    [InlineData("Shop.Tests.OrdersTests.Create", "", "Shop.Tests.OrdersTests.Create")]
    [InlineData("Shop.Tests.OrdersTests.Create", null, "Shop.Tests.OrdersTests.Create")]
    [InlineData("Shop.Tests.OrdersTests.Rounds", "Shop.Tests.OrdersTests.Rounds(value: 1.5)", "Shop.Tests.OrdersTests.Rounds(value: 1.5)")]
    // xUnit generic rows: the type arguments tell the rows apart.
    [InlineData("Shop.Tests.Guards.NotNull", "Shop.Tests.Guards.NotNull<Int32>(value: 1)", "Shop.Tests.Guards.NotNull<Int32>(value: 1)")]
    [InlineData("Shop.Tests.Guards.NotNull", "Shop.Tests.Guards.NotNull<Double>(value: 1)", "Shop.Tests.Guards.NotNull<Double>(value: 1)")]
    [InlineData("Shop.Tests.Guards.NotNull", "NotNull<Int64>(value: 1)", "Shop.Tests.Guards.NotNull<Int64>(value: 1)")]
    // MSTest DataRow DisplayName, xUnit Fact DisplayName: a name of the test's own, kept whole.
    [InlineData("Shop.Tests.Rows.Named", "first row", "Shop.Tests.Rows.Named[first row]")]
    [InlineData("Shop.Tests.Rows.Named", "second (row)", "Shop.Tests.Rows.Named[second (row)]")]
    [InlineData("Shop.Tests.Rows.Create", "Created twice", "Shop.Tests.Rows.Create[Created twice]")]
    [InlineData("Shop.Tests.Rows.Create", "Create", "Shop.Tests.Rows.Create")]
    public void CaseName_FrameworkNames_FullNameWithArguments(string fullyQualifiedName, string? displayName, string expected)
    {
        Assert.Equal(expected, TestCaseNaming.CaseName(fullyQualifiedName, displayName));
    }

    [Theory]
    [InlineData("Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests")]
    [InlineData("Shop.Tests.OrdersTests.Create(1,2,3)", "Shop.Tests.OrdersTests")]
    [InlineData("Shop.Tests.OrdersTests.Rounds(1.5)", "Shop.Tests.OrdersTests")]
    [InlineData("Shop.Tests.OrdersTests.Greets(\"a.b.c\")", "Shop.Tests.OrdersTests")]
    [InlineData("Shop.Tests.OrdersTests+WhenEmpty.Rejects", "Shop.Tests.OrdersTests+WhenEmpty")]
    [InlineData("Shop.Tests.OrdersTests+WhenEmpty.Rejects(2.5)", "Shop.Tests.OrdersTests+WhenEmpty")]
    [InlineData("Create", "Create")]
    public void SuiteName_FullyQualifiedName_ClassPart(string fullyQualifiedName, string expected)
    {
        Assert.Equal(expected, TestCaseNaming.SuiteName(fullyQualifiedName));
    }

    [Theory]
    [InlineData("Shop.Tests.OrdersTests.Create", "Create")]
    [InlineData("Shop.Tests.OrdersTests.Create(1,2,3)", "Create")]
    [InlineData("Shop.Tests.OrdersTests.Rounds(1.5)", "Rounds")]
    [InlineData("Shop.Tests.OrdersTests.Greets(\"a.b.c\")", "Greets")]
    [InlineData("Shop.Tests.OrdersTests+WhenEmpty.Rejects", "Rejects")]
    [InlineData("Create", "Create")]
    public void FunctionName_FullyQualifiedName_MethodWithoutArguments(string fullyQualifiedName, string expected)
    {
        Assert.Equal(expected, TestCaseNaming.FunctionName(fullyQualifiedName));
    }

    [Theory]
    [InlineData("Shop.Tests.OrdersTests.Create", "Create (1,2,3)")]
    [InlineData("Shop.Tests.OrdersTests.Create(1,2,3)", "Create(1,2,3)")]
    [InlineData("Shop.Tests.OrdersTests.Greets(\"a.b.c\")", null)]
    [InlineData("Shop.Tests.Rows.Named", "first row")]
    [InlineData("Shop.Tests.Guards.NotNull", "NotNull<Int64>(value: 1)")]
    [InlineData("Create", "Create")]
    [InlineData("(odd).Name", "Name(1)")]
    [InlineData("Shop.Tests.Odd.", "Odd")]
    public void Names_OneScan_SameAsEachNameAlone(string fullyQualifiedName, string? displayName)
    {
        var names = TestCaseNaming.Names(fullyQualifiedName, displayName);

        Assert.Equal(TestCaseNaming.CaseName(fullyQualifiedName, displayName), names.Case);
        Assert.Equal(TestCaseNaming.SuiteName(fullyQualifiedName), names.Suite);
        Assert.Equal(TestCaseNaming.FunctionName(fullyQualifiedName), names.Function);
    }

    [Theory]
    // A '(' at the very start is not the start of arguments: the whole name is scanned for the method.
    [InlineData("(odd).Name", "(odd)", "Name")]
    [InlineData("(odd).Name(1)", "(odd)", "Name(1)")]
    [InlineData("Shop.Tests.Odd.", "Shop.Tests.Odd", "")]
    public void SuiteAndFunctionName_UnusualNames_AsBefore(string fullyQualifiedName, string suite, string function)
    {
        Assert.Equal(suite, TestCaseNaming.SuiteName(fullyQualifiedName));
        Assert.Equal(function, TestCaseNaming.FunctionName(fullyQualifiedName));
    }
}
