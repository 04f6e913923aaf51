namespace FlakyCollector.Tests.Recording.Database;

public sealed class Price
{
    public int Id { get; set; }

    public string Sku { get; set; } = string.Empty;

    public decimal Amount { get; set; }
}
