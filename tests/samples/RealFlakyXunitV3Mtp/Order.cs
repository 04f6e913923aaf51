namespace RealFlakyXunitV3Mtp;

public sealed record Order(string Sku, int Quantity);
