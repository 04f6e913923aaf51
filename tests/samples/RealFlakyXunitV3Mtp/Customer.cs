namespace RealFlakyXunitV3Mtp;

public sealed record Customer(string Email);
