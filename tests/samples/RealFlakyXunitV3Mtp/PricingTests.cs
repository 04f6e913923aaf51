namespace RealFlakyXunitV3Mtp;

[TestMethodOrderer(typeof(RandomOrder))]
public class PricingTests
{
    [Fact]
    public void Applies_Holiday_Discount()
    {
        // Sets the rule for the holiday sale and, like the sale itself, leaves it on.
        PricingRules.Discount = 0.2m;
        Assert.Equal(15.92m, PricingRules.Price(19.90m));
    }

    [Fact]
    public void Prices_Kettle()
    {
        Assert.Equal(19.90m, PricingRules.Price(19.90m));
    }

    [Fact]
    public void Prices_Teapot()
    {
        PricingRules.Reset();
        Assert.Equal(24.50m, PricingRules.Price(24.50m));
    }

    [Fact]
    public void Prices_Jacket()
    {
        PricingRules.Reset();
        Assert.Equal(89.00m, PricingRules.Price(89.00m));
    }
}
