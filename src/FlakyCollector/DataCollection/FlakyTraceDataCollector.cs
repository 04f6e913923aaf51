using System.Xml;
using FlakyCollector.Configuration;
using FlakyCollector.Logging;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.DataCollection;

/// <summary>
/// The out-of-process FlakyTrace collector, so that <c>--collect FlakyTrace</c> resolves where the
/// package's .targets do not run (vstest.console, an IDE, a collector given by path). It sees only
/// vstest's start and end events, so tests are timed coarsely and failures carry no message; it
/// says so once. Under <c>dotnet test</c> with the package it is never started. It holds nothing of
/// the core's, and only hands vstest's events on to <see cref="DataCollectorSession"/>.
/// </summary>
[DataCollectorFriendlyName(SettingNames.FriendlyName)]
[DataCollectorTypeUri(SettingNames.DataCollectorUri)]
public sealed class FlakyTraceDataCollector : DataCollector
{
    private readonly DataCollectorSession session = new(Environment.GetEnvironmentVariable, TimeProvider.System,
        // The file goes to a temporary folder, and vstest moves the attachment where it wants it.
        () => Directory.CreateTempSubdirectory("flakytrace-").FullName);

    static FlakyTraceDataCollector() => CollectorAssemblyResolver.Register();

    public override void Initialize(XmlElement? configurationElement, DataCollectionEvents events, DataCollectionSink dataSink,
        DataCollectionLogger logger, DataCollectionEnvironmentContext? environmentContext) =>
        session.Initialize(configurationElement?.OuterXml, events, dataSink, logger, environmentContext?.SessionDataCollectionContext);
}
