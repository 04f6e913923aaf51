using System.Text;
using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.Analysis.Tests.Repro;

public sealed class ReproJsonTests
{
    [Fact]
    public void WriteThenRead_KeepsEveryField()
    {
        var result = new ReproResult
        {
            Name = "Ns.C.M",
            Cause = "external: HTTP POST 127.0.0.1/charges",
            Verdict = ReproVerdict.NotConfirmed,
            Reason = "no difference",
            With = new(10, 9),
            Without = new(10, 4),
            SameFailure = true,
            Repro = "dotnet test --settings with.runsettings",
            TracedFailureRate = 0.4167,
            InSuite = true,
            Alone = new(10, 9),
            Cluster = ["Ns.C.N"],
        };
        using var buffer = new MemoryStream();

        ReproJson.Write([result], buffer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var read = Assert.Single(ReproJson.Read(text));

        Assert.Contains("\"verdict\": \"not confirmed\"", text);
        Assert.Contains("\"with\": {", text);
        Assert.Contains("\"inSuite\": true", text);
        Assert.Contains("\"aloneWithout\": {", text);
        Assert.Equal(result with { Cluster = read.Cluster }, read);
        Assert.Equal(["Ns.C.N"], read.Cluster);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[{\"name\": \"x\"}]")]
    [InlineData("not json")]
    public void Read_NotReproOutput_Throws(string text)
    {
        Assert.Throws<InvalidDataException>(() => ReproJson.Read(text));
    }
}
