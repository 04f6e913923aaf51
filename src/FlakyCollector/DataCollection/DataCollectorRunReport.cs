using FlakyCollector.Tracing;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.DataCollection;

/// <summary>Reports through vstest's data collection logger, which <c>dotnet test</c> and vstest.console print.</summary>
public sealed class DataCollectorRunReport(DataCollectionLogger logger, DataCollectionContext context) : IRunReport
{
    // vstest prints a collector's warnings, not its informational lines, so both go as warnings.
    public void Info(string message) => logger.LogWarning(context, $"FlakyTrace: {message}");

    public void Warning(string message) => logger.LogWarning(context, $"FlakyTrace warning: {message}");
}
