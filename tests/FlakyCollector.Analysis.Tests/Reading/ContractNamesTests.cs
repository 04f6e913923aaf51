using System.Text;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Metadata;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Analysis.Tests.Reading;

/// <summary>
/// The analysis matches attribute keys as UTF-8 literals, for speed; the collector writes them from
/// the contract names in FlakyCollector.Core. Every name the analysis relies on must be one the
/// collector writes, spelled the same.
/// </summary>
public sealed class ContractNamesTests
{
    public static TheoryData<string, string> ContractNames => new()
    {
        { TestAttributeNames.CaseName, nameof(AttributeKey.TestCaseName) },
        { TestAttributeNames.CaseResultStatus, nameof(AttributeKey.TestResultStatus) },
        { TestAttributeNames.SuiteName, nameof(AttributeKey.TestSuiteName) },
        { TestAttributeNames.SuiteRunStatus, nameof(AttributeKey.TestSuiteRunStatus) },
        { TestAttributeNames.RunId, nameof(AttributeKey.TestRunId) },
        { TestAttributeNames.Outcome, nameof(AttributeKey.TestOutcome) },
        { TestAttributeNames.Attempt, nameof(AttributeKey.TestAttempt) },
        { TestAttributeNames.ErrorType, nameof(AttributeKey.ErrorType) },
        { TestAttributeNames.ExceptionType, nameof(AttributeKey.ExceptionType) },
        { TestAttributeNames.ExceptionMessage, nameof(AttributeKey.ExceptionMessage) },
        { TestAttributeNames.ExceptionStacktrace, nameof(AttributeKey.ExceptionStackTrace) },
        { TestAttributeNames.TestHostPid, nameof(AttributeKey.TestHostPid) },
        { TestAttributeNames.FailurePhase, nameof(AttributeKey.FailurePhase) },
        { TestActivityNames.LateAttribute, nameof(AttributeKey.SpanLate) },
        { RunAttributeNames.HeadRevision, nameof(AttributeKey.Revision) },
        { FlakyCollector.Recording.Database.DatabaseNames.SystemName, nameof(AttributeKey.DbSystem) },
        { FlakyCollector.Recording.Database.DatabaseNames.OperationName, nameof(AttributeKey.DbOperation) },
        { FlakyCollector.Recording.Database.DatabaseNames.CollectionName, nameof(AttributeKey.DbCollection) },
    };

    [Fact]
    public void LogTemplate_TheCollectorsName_IsTheOneTheAnalysisReads() =>
        Assert.Equal(FlakyCollector.Recording.Logs.LogNames.TemplateAttribute, OtlpLogLineReader.TemplateAttribute);

    [Fact]
    public void ReproNames_AreTheCollectors()
    {
        Assert.Equal(FlakyCollector.Repro.ReproSettingNames.Repro, FlakyCollector.Analysis.Repro.ReproNames.ReproElement);
        Assert.Equal(FlakyCollector.Repro.ReproSettingNames.InjectedAttribute, FlakyCollector.Analysis.Repro.ReproNames.InjectedAttribute);
        Assert.Equal(FlakyCollector.Repro.ReproSettingNames.AfterPredecessorSpan, FlakyCollector.Analysis.Repro.ReproNames.AfterPredecessorSpan);
        Assert.Equal(FlakyCollector.Repro.ReproSettingNames.BeforePredecessorSpan, FlakyCollector.Analysis.Repro.ReproNames.BeforePredecessorSpan);
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Classify_TheCollectorsName_IsTheKeyTheAnalysisReads(string name, string expected)
    {
        Assert.Equal(expected, AttributeKeys.Classify(Encoding.UTF8.GetBytes(name)).ToString());
    }
}
