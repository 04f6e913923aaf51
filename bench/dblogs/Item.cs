namespace FlakyTrace.Bench.DbLogs;

public sealed class Item
{
    public int Id { get; set; }

    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }
}
