namespace FlakyCollector.Analysis.Repro;

/// <summary>The names repro shares with the collector, restated here (ContractNamesTests holds them equal).</summary>
public static class ReproNames
{
    /// <summary>The FlakyTrace configuration element that carries repro's plan into the test process.</summary>
    public const string ReproElement = "Repro";

    /// <summary>The attribute the collector sets on a span whose work repro held back or redirected.</summary>
    public const string InjectedAttribute = "flakytrace.repro.injected";
}
