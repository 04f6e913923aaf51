namespace RealFlakyMSTest;

public sealed record Order(string Sku, int Quantity);
