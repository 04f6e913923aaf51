using FlakyCollector.Export;

namespace FlakyCollector.Tests.Export;

public class OtlpValueTests
{
    // Kinds by name: the enum is internal and a public theory cannot take it as a parameter.
    public static TheoryData<object?, string> Values => new()
    {
        { "text", nameof(OtlpValueKind.String) },
        { true, nameof(OtlpValueKind.Bool) },
        { 5L, nameof(OtlpValueKind.Int) },
        { 5, nameof(OtlpValueKind.Int) },
        { (short)5, nameof(OtlpValueKind.Int) },
        { 5u, nameof(OtlpValueKind.Int) },
        { 5UL, nameof(OtlpValueKind.Int) },
        { ulong.MaxValue, nameof(OtlpValueKind.String) },
        { 1.5, nameof(OtlpValueKind.Double) },
        { 1.5f, nameof(OtlpValueKind.Double) },
        { 1.5m, nameof(OtlpValueKind.Double) },
        { new[] { "a" }, nameof(OtlpValueKind.Array) },
        { new[] { 1L, 2L }, nameof(OtlpValueKind.Array) },
        { new List<string> { "a" }, nameof(OtlpValueKind.Array) },
        { TimeSpan.FromSeconds(1), nameof(OtlpValueKind.String) },
        { null, nameof(OtlpValueKind.Empty) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void From_AnyClrValue_PicksTheClosestOtlpKind(object? value, string expected) =>
        Assert.Equal(expected, OtlpValue.From(value).Kind.ToString());

    [Fact]
    public void From_UnsupportedType_UsesItsInvariantText() =>
        Assert.Equal("00:00:01", OtlpValue.From(TimeSpan.FromSeconds(1)).Text);
}
