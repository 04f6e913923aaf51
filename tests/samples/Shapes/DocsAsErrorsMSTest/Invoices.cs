using System;
using System.Globalization;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace DocsAsErrorsMSTest;

/// <summary>Invoice arithmetic, documented as the team's rules require.</summary>
[TestClass]
public sealed class Invoices
{
    /// <summary>A total is the sum of its lines.</summary>
    [TestMethod]
    public void TotalSumsLines()
    {
        var lines = new[] { 10m, 20m };
        Assert.AreEqual(30m, lines[0] + lines[1]);
    }

    /// <summary>Amounts print with two decimals.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="text">How it prints.</param>
    [TestMethod]
    [DataRow(1.5, "1.50")]
    [DataRow(2.0, "2.00")]
    public void PrintsTwoDecimals(double amount, string text)
    {
        Assert.AreEqual(text, amount.ToString("0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>Takes long enough to be timed.</summary>
    [TestMethod]
    public void SettlesSlowly()
    {
        Thread.Sleep(300);
        Assert.IsTrue(DateTime.UtcNow.Year > 2000);
    }

    /// <summary>Fails on purpose, so the failure's span is checked.</summary>
    [TestMethod]
    public void RejectsNegativeTotal()
    {
        var total = decimal.Parse("1", CultureInfo.InvariantCulture);
        Assert.AreEqual(-1m, total, "totals are never negative");
    }

    /// <summary>Skipped on purpose.</summary>
    [TestMethod]
    [Ignore("shows a skipped test")]
    public void IsIgnored()
    {
    }
}
