namespace FlakyCollector.Analysis.Tests;

/// <summary>A fresh temporary directory for generated traces, deleted when the test ends.</summary>
internal sealed class SampleDirectory : IDisposable
{
    public SampleDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flakytrace-tests", Guid.NewGuid().ToString("N"));

    public string File(string name, params string[] lines)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllLines(file, lines);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test over it is not.
        }
    }
}
