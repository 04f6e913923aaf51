namespace ClassOrderSample;

/// <summary>
/// The shop's price rules: one discount for the whole process, as a static setting. A price takes
/// half a second to work out, as a lookup in a real price list would: so each test lasts long enough
/// that the window the runner reports for it (xUnit's VSTest adapter stamps a result's end when it
/// reports it, which under load can come after the next test of the class ran) still tells which ran first.
/// </summary>
public static class PricingRules
{
    public static decimal Discount { get; set; }

    public static decimal Price(decimal listPrice)
    {
        Thread.Sleep(500);
        return Math.Round(listPrice * (1 - Discount), 2);
    }
}
