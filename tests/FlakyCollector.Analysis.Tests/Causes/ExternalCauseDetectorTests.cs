using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

public sealed class ExternalCauseDetectorTests
{
    private const string Call = "HTTP GET inventory-api/api/stock/{id}";
    private readonly ExternalCauseDetector _detector = new(new AnalysisOptions());

    [Fact]
    public void Detect_503OnlyInFailingRuns_ReportsTheCallWithStatusCodes()
    {
        var failing = Enumerable.Range(0, 6).Select(_ => Make("T", TestOutcome.Failed).WithChild(Call, 3, errors: 1, status: 503, http: true)).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithChild(Call, 10, status: 200, http: true)).ToList();

        var hint = Assert.Single(_detector.Detect(new FlakySample("T", failing, passing)));

        Assert.Equal(CauseKind.External, hint.Kind);
        Assert.Equal(Call, hint.Evidence.Single(f => f.Name == "span").Value);
        Assert.Equal(6, hint.Evidence.Single(f => f.Name == "failingRunsWithProblem").Value);
        Assert.Equal(0, hint.Evidence.Single(f => f.Name == "passingRunsWithProblem").Value);
        var codes = Assert.IsAssignableFrom<IReadOnlyDictionary<string, int>>(hint.Evidence.Single(f => f.Name == "failingStatusCodes").Value);
        Assert.Equal(6, codes["503"]);
    }

    [Fact]
    public void Detect_ErrorsEquallyCommonInPassingRuns_ReportsNothing()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed).WithChild(Call, 3, errors: i % 2, status: i % 2 == 0 ? 200 : 404)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed).WithChild(Call, 3, errors: i % 2, status: i % 2 == 0 ? 200 : 404)).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Detect_SingleFailingOccurrence_ReportsNothing()
    {
        var failing = new[] { Make("T", TestOutcome.Failed).WithChild(Call, 3, errors: 1, status: 503), Make("T", TestOutcome.Failed) };
        var passing = Enumerable.Range(0, 30).Select(_ => Make("T", TestOutcome.Passed).WithChild(Call, 3, status: 200)).ToList();

        Assert.Empty(_detector.Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Detect_SameIncidentOnClientAndServerSpans_ReportsItOnce()
    {
        var failing = Enumerable.Range(0, 6).Select(_ => Make("T", TestOutcome.Failed)
            .WithChild(Call, 3, errors: 1, status: 503, http: true).WithChild("GET /api/stock/{id}", 2, errors: 1, status: 503)).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithChild(Call, 3, status: 200, http: true)).ToList();

        var hint = Assert.Single(_detector.Detect(new FlakySample("T", failing, passing)));

        Assert.Equal(Call, hint.Evidence.Single(f => f.Name == "span").Value);
    }
}
