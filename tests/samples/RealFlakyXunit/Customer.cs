namespace RealFlakyXunit;

public sealed record Customer(string Email);
