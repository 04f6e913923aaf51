using System.Globalization;

namespace RealFlakyNUnit;

public class InvoiceTests
{
    [Test]
    public void Formats_Invoice_Number()
    {
        // Broken since the numbering scheme changed: the code no longer pads.
        Assert.That(InvoiceNumber(42), Is.EqualTo("INV-0042"));
    }

    [Test]
    public void Applies_Vat()
    {
        Assert.That(WithVat(100m, "AT"), Is.EqualTo(120m));
    }

    [Test]
    public void Sums_Lines()
    {
        Assert.That(new[] { 19.90m, 4.95m, 10.00m }.Sum(), Is.EqualTo(34.85m));
    }

    [Test]
    public void Prints_Total()
    {
        Assert.That(34.85m.ToString("0.00", CultureInfo.InvariantCulture), Is.EqualTo("34.85"));
    }

    private static string InvoiceNumber(int number) => $"INV-{number}";

    private static decimal WithVat(decimal net, string country) => country switch
    {
        "DE" => net * 1.19m,
        _ => throw new NotSupportedException($"no VAT rate configured for '{country}'"),
    };
}
