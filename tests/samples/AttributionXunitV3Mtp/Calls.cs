namespace AttributionXunitV3Mtp;

/// <summary>Five calls per class; xUnit runs the eight classes in parallel.</summary>
public abstract class Calls(ITestOutputHelper output)
{
    private static readonly HttpClient Client = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Calls_TheApp(int call)
    {
        var id = $"{GetType().Name}-{call}";
        await Task.Delay(Random.Shared.Next(5, 40), TestContext.Current.CancellationToken);

        var answer = await Client.GetStringAsync(new Uri(await EchoApp.BaseAddress, $"/echo/{id}"), TestContext.Current.CancellationToken);

        output.WriteLine($"server saw: {answer}");
        Assert.StartsWith(id + " ", answer, StringComparison.Ordinal);
    }
}

public class Calls1(ITestOutputHelper output) : Calls(output);

public class Calls2(ITestOutputHelper output) : Calls(output);

public class Calls3(ITestOutputHelper output) : Calls(output);

public class Calls4(ITestOutputHelper output) : Calls(output);

public class Calls5(ITestOutputHelper output) : Calls(output);

public class Calls6(ITestOutputHelper output) : Calls(output);

public class Calls7(ITestOutputHelper output) : Calls(output);

public class Calls8(ITestOutputHelper output) : Calls(output);
