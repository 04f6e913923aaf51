using System.IO.Compression;
using System.Text;

namespace FlakyTrace.Cli.Tests;

/// <summary>Real files of the kinds people pass to <c>analyze</c> by mistake, made the way their tools make them.</summary>
internal static class NotJsonFiles
{
    public static string Write(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        var traces = Encoding.UTF8.GetBytes("{\"resourceSpans\":[]}\n");
        switch (Path.GetExtension(name))
        {
            case ".trx":
                File.WriteAllText(file, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun id=\"5c6e\" name=\"run\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n  <Results />\n</TestRun>\n");
                break;
            case ".gz":
                using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
                {
                    gzip.Write(traces);
                }

                break;
            case ".zip":
                using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
                using (var entry = zip.CreateEntry("traces.otlp.jsonl").Open())
                {
                    entry.Write(traces);
                }

                break;
            case ".html":
                File.WriteAllText(file, "<!DOCTYPE html>\n<html lang=\"en\"><head><title>flakytrace report</title></head></html>\n");
                break;
            case ".log":
                File.WriteAllText(file, "  Determining projects to restore...\n  All projects are up-to-date for restore.\nFailed!  - Failed: 1, Passed: 21\n");
                break;
            default:
                // OTLP/protobuf: field 1 (resource_spans), length-delimited, then bytes that are not UTF-8.
                File.WriteAllBytes(file, [0x0A, 0x84, 0x01, 0x0A, 0x00, 0xFF, 0xFE, 0x12, 0x9C]);
                break;
        }

        return file;
    }
}
