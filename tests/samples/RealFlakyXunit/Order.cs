namespace RealFlakyXunit;

public sealed record Order(string Sku, int Quantity);
