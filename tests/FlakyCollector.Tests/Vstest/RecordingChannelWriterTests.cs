using FlakyCollector.Recording;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class RecordingChannelWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("channel-writer-tests-").FullName;

    [Fact]
    public void Write_ReaderTakesEachRowByItsKey_WhileTheWriterIsOpen()
    {
        using var writer = RecordingChannelWriter.Open(name => name == RecordingChannel.FolderVariable ? folder : null)!;
        writer.Write("Shop.Tests.Rows.Shared (slow)", new RecordedExecution { Timing = "hook", ProcessId = 1 });
        writer.Write("Shop.Tests.Rows.Shared (quick)", new RecordedExecution { Timing = "hook", ProcessId = 2 });
        using var reader = new RecordingChannelReader(folder);

        Assert.Equal(2, reader.Take("Shop.Tests.Rows.Shared (quick)")?.ProcessId);
        Assert.Equal(1, reader.Take("Shop.Tests.Rows.Shared (slow)")?.ProcessId);
        Assert.Null(reader.Take("Shop.Tests.Rows.Shared (slow)"));
    }

    [Fact]
    public void Open_NoChannel_Null()
    {
        Assert.Null(RecordingChannelWriter.Open(_ => null));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
