namespace RealFlakyXunitV3Mtp;

/// <summary>The shop's price rules: process-wide, as a static configuration often is.</summary>
public static class PricingRules
{
    public static decimal Discount { get; set; }

    public static void Reset() => Discount = 0m;

    public static decimal Price(decimal list) => Math.Round(list * (1 - Discount), 2);
}
