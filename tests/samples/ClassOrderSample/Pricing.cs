namespace ClassOrderSample;

[TestCaseOrderer("ClassOrderSample.TakeTurns", "ClassOrderSample")]
public class Pricing
{
    [Fact]
    public void Prices_Kettle()
    {
        // Flaky: the kettle's price is the list price only while no test has left a discount on.
        Assert.Equal(19.90m, PricingRules.Price(19.90m));
    }

    [Fact]
    public void Applies_Holiday_Discount()
    {
        // Sets the rule for the holiday sale and, like the sale itself, leaves it on.
        PricingRules.Discount = 0.2m;
        Assert.Equal(15.92m, PricingRules.Price(19.90m));
    }
}
