using NUnit.Framework;

namespace RowsNUnit;

public sealed class Outcomes
{
    [Test]
    public void Passes() => Assert.That(1 + 1, Is.EqualTo(2));

    [Test]
    [Explicit("only on demand")]
    public void OnlyOnDemand() => Assert.Pass();

    [Test]
    public void Undecided() => Assert.Inconclusive("the data is not there yet");

    [Test]
    public void Ignored() => Assert.Ignore("not today");
}
