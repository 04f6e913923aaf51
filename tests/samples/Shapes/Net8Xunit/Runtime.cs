using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Net8Xunit;

public class Runtime
{
    [Fact]
    public void Runs_On_DotNet8() => Assert.Equal(8, Environment.Version.Major);

    [Fact]
    public void Works_Slowly()
    {
        Thread.Sleep(300);
        Assert.True(true);
    }

    [Fact]
    public async Task Calls_Loopback_Service()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = AnswerOnce(listener);
        using var client = new HttpClient();
        var response = await client.GetAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/health");
        await serving;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Fails_On_Purpose() => Assert.Equal("expected", "actual");

    [Fact(Skip = "shows a skipped test")]
    public void Is_Skipped()
    {
    }

    private static async Task AnswerOnce(TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var buffer = new byte[4096];
        var read = 0;
        while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            read += await stream.ReadAsync(buffer.AsMemory(read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    }
}
