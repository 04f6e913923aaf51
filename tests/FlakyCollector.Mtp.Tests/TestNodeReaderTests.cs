using FlakyCollector.Mtp;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp.Tests;

public sealed class TestNodeReaderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FinalState_InProgress_IsNull()
    {
        Assert.Null(TestNodeReader.FinalState(Node("Adds", new InProgressTestNodeStateProperty())));
        Assert.IsType<PassedTestNodeStateProperty>(TestNodeReader.FinalState(Node("Adds", PassedTestNodeStateProperty.CachedInstance)));
    }

    [Fact]
    public void FinalState_OfAState_OnlyAnOutcomeIsFinal()
    {
        Assert.Null(TestNodeReader.FinalState((TestNodeStateProperty?)null));
        Assert.Null(TestNodeReader.FinalState(DiscoveredTestNodeStateProperty.CachedInstance));
        Assert.Null(TestNodeReader.FinalState(InProgressTestNodeStateProperty.CachedInstance));
        Assert.IsType<FailedTestNodeStateProperty>(TestNodeReader.FinalState(new FailedTestNodeStateProperty("no")));
    }

    [Fact]
    public void HookKeys_UidThenDisplayNameThenMethod()
    {
        var node = Node("Sums(1,2)", PassedTestNodeStateProperty.CachedInstance);

        Assert.Equal(["uid-1", "Shop.Tests.Cart.Sums(1,2)", "Shop.Tests.Cart.Sums"], HookKeys(node));
    }

    [Fact]
    public void HookKey_DisplayNameIsTheMethods_FormOneIsTheFullNameAndFormTwoRepeatsNothing()
    {
        var node = Node("Sums", PassedTestNodeStateProperty.CachedInstance);
        var properties = TestNodeProperties.Of(node);
        var fullName = TestNodeReader.FullyQualifiedName(node, properties.Method);

        Assert.Equal("uid-1", TestNodeReader.HookKey(node, properties.Method, fullName, 0));
        Assert.Same(fullName, TestNodeReader.HookKey(node, properties.Method, fullName, 1));
        Assert.Null(TestNodeReader.HookKey(node, properties.Method, fullName, 2));
        Assert.Equal(["uid-1", "Shop.Tests.Cart.Sums"], HookKeys(node));
    }

    [Fact]
    public void HookKey_NoMethodIdentifier_OnlyTheUid()
    {
        var node = new TestNode { Uid = new TestNodeUid("uid-9"), DisplayName = "Sums", Properties = new PropertyBag(PassedTestNodeStateProperty.CachedInstance) };

        Assert.Equal(["uid-9"], HookKeys(node));
        Assert.Null(TestNodeReader.HookKey(node, null, "uid-9", 1));
        Assert.Null(TestNodeReader.HookKey(node, null, "uid-9", 2));
    }

    [Fact]
    public void Read_TraitsOutputAndTrxText_InOnePassInTheBagsOrder()
    {
        var state = new FailedTestNodeStateProperty(new InvalidOperationException("the state's text"), "explanation");
        var node = Node("Posts", state,
            new TestMetadataProperty("Category", "slow"),
#pragma warning disable TPEXP // experimental in the platform, read by name
            new StandardOutputProperty("written out"),
            new StandardErrorProperty("written to error"),
#pragma warning restore TPEXP
            new TestMetadataProperty("Owner", "payments"),
            new Microsoft.Testing.Extensions.TrxReport.Abstractions.TrxExceptionProperty("the report's text", "at Cart.Posts()"));

        var test = Read(node, state, "t.dll", TestFramework.MSTest, null);

        // In the order the bag gives them (it keeps the last added first).
        Assert.Equal(node.Properties.AsEnumerable().OfType<TestMetadataProperty>().Select(p => new KeyValuePair<string, string>(p.Key, p.Value)), test.Traits);
        Assert.Equal(2, test.Traits.Count);
        Assert.Equal("written out", test.Output);
        Assert.Equal("written to error", test.ErrorOutput);
        Assert.Equal("the report's text", test.ErrorMessage);
        Assert.Equal("at Cart.Posts()", test.ErrorStackTrace);
    }

    [Fact]
    public void Read_Passed_NamesTimingAndTraits()
    {
        var node = Node("Sums(1,2)", PassedTestNodeStateProperty.CachedInstance,
            new TimingProperty(new TimingInfo(Start, Start.AddMilliseconds(250), TimeSpan.FromMilliseconds(250))),
            new TestMetadataProperty("Category", "fast"),
            new TestFileLocationProperty("/src/Cart.cs", new LinePositionSpan(new LinePosition(12, 0), new LinePosition(12, 0))));

        var test = Read(node, PassedTestNodeStateProperty.CachedInstance, "/bin/Shop.Tests.dll", TestFramework.TUnit, null);

        Assert.Equal("Shop.Tests.Cart.Sums", test.FullyQualifiedName);
        Assert.Equal("Sums(1,2)", test.DisplayName);
        Assert.Equal(TestOutcome.Passed, test.Outcome);
        Assert.Equal(TestFramework.TUnit, test.Framework);
        Assert.Equal(Start, test.StartTime);
        Assert.Equal(TimeSpan.FromMilliseconds(250), test.Duration);
        Assert.Equal([new KeyValuePair<string, string>("Category", "fast")], test.Traits);
        Assert.Equal("/src/Cart.cs", test.CodeFilePath);
        Assert.Equal(12, test.LineNumber);
        Assert.Null(test.ErrorMessage);
    }

    [Fact]
    public void Read_Failed_TakesTheExceptionsMessageAndStack()
    {
        var exception = Thrown(new InvalidOperationException("ledger is closed"));
        var state = new FailedTestNodeStateProperty(exception, "explanation");

        var test = Read(Node("Posts", state), state, "t.dll", TestFramework.XUnit, null);

        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.Equal("ledger is closed", test.ErrorMessage);
        Assert.Equal(exception.StackTrace, test.ErrorStackTrace);
        Assert.Equal("System.InvalidOperationException", TestNodeReader.ExceptionType(state));
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("error")]
    public void Read_TimeoutOrError_IsAFailureWithItsExplanation(string kind)
    {
        TestNodeStateProperty state = kind == "timeout" ? new TimeoutTestNodeStateProperty("took too long") : new ErrorTestNodeStateProperty("setup exploded");

        var test = Read(Node("Posts", state), state, "t.dll", TestFramework.MSTest, null);

        Assert.Equal(kind == "timeout" ? TestOutcome.Timeout : TestOutcome.Error, test.Outcome);
        Assert.True(test.Outcome.IsFailure());
        Assert.Equal("failed", test.Outcome.ContractValue());
        Assert.Equal(kind == "timeout" ? "took too long" : "setup exploded", test.ErrorMessage);
    }

    [Fact]
    public void Outcome_Cancelled_KeptApartFromFailed()
    {
#pragma warning disable CS0618 // Cancelled is obsolete in newer platforms, and still reported by some frameworks.
        var state = new CancelledTestNodeStateProperty("stopped");
#pragma warning restore CS0618

        Assert.Equal(TestOutcome.Cancelled, TestNodeReader.Outcome(state));
    }

    [Fact]
    public void ExceptionType_FrameworkWrapper_IsNotTheFailuresType()
    {
        var state = new FailedTestNodeStateProperty(new SampleTestNodeException("Assert.AreEqual failed"));

        Assert.Null(TestNodeReader.ExceptionType(state));
    }

    [Fact]
    public void ExceptionType_VSTestBridgesAndXunitsTextWrappers_AreNotTheFailuresType()
    {
        Assert.Null(TestNodeReader.ExceptionType(new FailedTestNodeStateProperty(new VSTestException("OneTimeSetUp: System.Net.Http.HttpRequestException : refused"))));
        Assert.Null(TestNodeReader.ExceptionType(new FailedTestNodeStateProperty(new XunitException("Assert.Equal() Failure"))));
    }

    [Fact]
    public void ExceptionType_TUnitsTestFailedException_TheExceptionItWraps()
    {
        var state = new FailedTestNodeStateProperty(new TestFailedException(new InvalidOperationException("ledger is closed")));

        Assert.Equal("System.InvalidOperationException", TestNodeReader.ExceptionType(state));
    }

    [Fact]
    public void Read_MessageWithCarriageReturns_LineBreaksAsTheTrxWritesThem()
    {
        var state = new FailedTestNodeStateProperty(Thrown(new InvalidOperationException("Assert.Equal() Failure: Values differ\r\nExpected: 2\r\nActual:   3")));

        var test = Read(Node("Posts", state), state, "t.dll", TestFramework.XUnit, null);

        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 2\nActual:   3".ReplaceLineEndings(Environment.NewLine), test.ErrorMessage);
        Assert.DoesNotContain('\r', test.ErrorStackTrace ?? string.Empty);
    }

    [Fact]
    public void Read_Skipped_TheReasonIsKept()
    {
        var state = new SkippedTestNodeStateProperty("not today");

        var test = Read(Node("Posts", state), state, "t.dll", TestFramework.XUnit, null);

        Assert.Equal(FlakyCollector.Tracing.TestOutcome.Skipped, test.Outcome);
        Assert.Equal("not today", test.SkipReason);
        Assert.Null(test.ErrorMessage);
    }

    // The keys the platform run tries, form by form, most specific first.
    private static List<string> HookKeys(TestNode node)
    {
        var method = TestNodeProperties.Of(node).Method;
        var fullName = TestNodeReader.FullyQualifiedName(node, method);
        return Enumerable.Range(0, TestNodeReader.HookKeyForms)
            .Select(form => TestNodeReader.HookKey(node, method, fullName, form))
            .OfType<string>()
            .ToList();
    }

    // As the platform run reads a finished node.
    private static CompletedTest Read(TestNode node, TestNodeStateProperty state, string source, TestFramework framework, RecordedExecution? recording)
    {
        var properties = TestNodeProperties.Of(node);
        return TestNodeReader.Read(node, properties, TestNodeReader.FullyQualifiedName(node, properties.Method), state, source, framework, recording);
    }

    private static TestNode Node(string displayName, TestNodeStateProperty state, params IProperty[] properties)
    {
        var bag = new PropertyBag(state, new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "Cart", displayName.Split('(')[0], 0, [], "System.Void"));
        foreach (var property in properties)
        {
            bag.Add(property);
        }

        return new TestNode { Uid = new TestNodeUid("uid-1"), DisplayName = displayName, Properties = bag };
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class SampleTestNodeException(string message) : Exception(message);

    // Named as the VSTest bridge's and xUnit v3's wrappers of a failure's text are.
    private sealed class VSTestException(string message) : Exception(message);

    private sealed class XunitException(string message) : Exception(message);

    private sealed class TestFailedException(Exception inner) : Exception(inner.Message, inner);
}
