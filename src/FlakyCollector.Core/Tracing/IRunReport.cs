namespace FlakyCollector.Tracing;

/// <summary>Where FlakyTrace tells the user what it did: lines in the <c>dotnet test</c> output.</summary>
internal interface IRunReport
{
    void Info(string message);

    void Warning(string message);
}
