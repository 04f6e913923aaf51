using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>The simulated suite: five flaky tests with one known cause each, one broken test, stable tests.</summary>
internal static class SampleCatalog
{
    public const string SlowQuery = "Shop.Tests.CheckoutTests.PlacesOrder";
    public const string Unavailable = "Shop.Tests.StockTests.ReservesStock(sku: \"A-1\")";
    public const string OrderDependent = "Shop.Tests.ProfileTests.LoadsDefaultProfile";
    public const string OrderPredecessor = "Shop.Tests.AdminTests.DeletesAllProfiles";
    public const string SharedState = "Shop.Tests.PricingTests.AppliesSeasonalDiscount";
    public const string SharedStatePartner = "Shop.Tests.CurrencyTests.SwitchesToEuro";
    public const string Contention = "Shop.Tests.SearchTests.RebuildsIndexUnderLoad";
    public const string Broken = "Shop.Tests.LegacyTests.ExportsCsv";

    public static IReadOnlyList<SampleTest> Tests { get; } =
    [
        new(SlowQuery, 90, SampleBehavior.SlowQuery),
        new(Unavailable, 60, SampleBehavior.Unavailable503),
        new(OrderDependent, 50, SampleBehavior.OrderDependent),
        new(OrderPredecessor, 40, SampleBehavior.Stable),
        new(SharedState, 250, SampleBehavior.SharedState),
        new(SharedStatePartner, 300, SampleBehavior.Stable),
        new(Contention, 500, SampleBehavior.Contention),
        new(Broken, 30, SampleBehavior.Broken),
        new("Shop.Tests.CartTests.AddsItem", 40, SampleBehavior.Stable),
        new("Shop.Tests.CartTests.RemovesItem", 35, SampleBehavior.Stable),
        new("Shop.Tests.CartTests.ComputesTotal(items: 3)", 25, SampleBehavior.Stable),
        new("Shop.Tests.CartTests.ComputesTotal(items: 0)", 20, SampleBehavior.Stable),
        new("Shop.Tests.CatalogTests.ListsProducts", 120, SampleBehavior.Stable),
        new("Shop.Tests.CatalogTests.ReturnsNotFoundForUnknownProduct", 80, SampleBehavior.Stable),
        new("Shop.Tests.CatalogTests.FiltersByCategory", 150, SampleBehavior.Stable),
        new("Shop.Tests.OrdersTests.CancelsOrder", 110, SampleBehavior.Stable),
        new("Shop.Tests.OrdersTests.ListsOrderHistory", 200, SampleBehavior.Stable),
        new("Shop.Tests.UsersTests.RegistersUser", 90, SampleBehavior.Stable),
        new("Shop.Tests.UsersTests.RejectsDuplicateEmail", 70, SampleBehavior.Stable),
        new("Shop.Tests.ShippingTests.QuotesRate", 130, SampleBehavior.Stable),
        new("Shop.Tests.ShippingTests.RejectsInvalidAddress", 45, SampleBehavior.Stable),
        new("Shop.Tests.InvoiceTests.RendersPdf", 180, SampleBehavior.Stable),
    ];

    /// <summary>The flaky samples and the cause each must be explained by.</summary>
    public static IReadOnlyList<(string Test, CauseKind Cause)> Expected { get; } =
    [
        (SlowQuery, CauseKind.Timing),
        (Unavailable, CauseKind.External),
        (OrderDependent, CauseKind.Order),
        (SharedState, CauseKind.Contention),
        (Contention, CauseKind.Contention),
    ];
}
