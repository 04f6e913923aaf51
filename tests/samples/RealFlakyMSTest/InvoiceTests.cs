using System.Globalization;

namespace RealFlakyMSTest;

[TestClass]
public class InvoiceTests
{
    [TestMethod]
    public void Formats_Invoice_Number()
    {
        // Broken since the numbering scheme changed: the code no longer pads.
        Assert.AreEqual("INV-0042", InvoiceNumber(42));
    }

    [TestMethod]
    public void Applies_Vat()
    {
        Assert.AreEqual(120m, WithVat(100m, "AT"));
    }

    [TestMethod]
    public void Sums_Lines()
    {
        Assert.AreEqual(34.85m, new[] { 19.90m, 4.95m, 10.00m }.Sum());
    }

    [TestMethod]
    public void Prints_Total()
    {
        Assert.AreEqual("34.85", 34.85m.ToString("0.00", CultureInfo.InvariantCulture));
    }

    private static string InvoiceNumber(int number) => $"INV-{number}";

    private static decimal WithVat(decimal net, string country) => country switch
    {
        "DE" => net * 1.19m,
        _ => throw new NotSupportedException($"no VAT rate configured for '{country}'"),
    };
}
