namespace RealFlakyNUnit;

public sealed record Order(string Sku, int Quantity);
