namespace RealFlakyMSTest;

public sealed record Customer(string Email);
