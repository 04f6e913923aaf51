namespace ClassOrderSample;

/// <summary>
/// The shop's price rules: one discount for the whole process, as a static setting. Each test lasts
/// microseconds, so the window xUnit's VSTest adapter reports for it (it stamps a result's end when it
/// reports it) can end after the next test of the class ran: repro must not read the order from it.
/// </summary>
public static class PricingRules
{
    public static decimal Discount { get; set; }

    public static decimal Price(decimal listPrice) => Math.Round(listPrice * (1 - Discount), 2);
}
