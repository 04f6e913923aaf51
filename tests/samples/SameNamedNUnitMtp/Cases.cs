namespace SameNamedNUnitMtp;

// A case's argument without a ToString of its own prints as its type's name, so NUnit names all 120
// cases alike: "Calls(SameNamedNUnitMtp.Row)". Each makes one HTTP call naming its row (nothing
// listens on the port: it is refused at once), and every fourth fails naming its row. Each call must
// be in its own case's trace, and no case may pass for another's retry.
public sealed class Row(int number)
{
    public int Number { get; } = number;
}

public class Cases
{
    private static readonly HttpClient Http = new();

    public static IEnumerable<Row> Rows() => Enumerable.Range(1, 120).Select(n => new Row(n));

    [TestCaseSource(nameof(Rows))]
    public async Task Calls(Row row)
    {
        try
        {
            await Http.GetAsync($"http://127.0.0.1:9/row/{row.Number}");
        }
        catch (HttpRequestException)
        {
        }

        if (row.Number % 4 == 0)
        {
            Assert.Fail($"row {row.Number} fails");
        }
    }
}
