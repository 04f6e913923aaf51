using System.Globalization;
using FlakyCollector.Testing;

// Usage: Receiver COUNT-FILE. Prints the gRPC endpoint on the first line of standard output, then
// keeps COUNT-FILE holding the number of spans received so far until standard input closes.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Receiver COUNT-FILE");
    return 2;
}

await using var receiver = await OtlpReceiver.StartAsync();
Console.WriteLine(receiver.GrpcEndpoint);
using var stop = new CancellationTokenSource();
var stdin = Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }

    stop.Cancel();
});

while (!stop.IsCancellationRequested)
{
    await File.WriteAllTextAsync(args[0] + ".tmp", receiver.SpanCount.ToString(CultureInfo.InvariantCulture));
    File.Move(args[0] + ".tmp", args[0], overwrite: true);
    try
    {
        await Task.Delay(100, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

return 0;
