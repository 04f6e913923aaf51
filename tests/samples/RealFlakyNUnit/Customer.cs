namespace RealFlakyNUnit;

public sealed record Customer(string Email);
