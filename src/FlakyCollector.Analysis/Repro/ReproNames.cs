namespace FlakyCollector.Analysis.Repro;

/// <summary>The names repro shares with the collector, restated here (ContractNamesTests holds them equal).</summary>
public static class ReproNames
{
    /// <summary>The FlakyTrace configuration element that carries repro's plan into the test process.</summary>
    public const string ReproElement = "Repro";

    /// <summary>The attribute the collector sets on a span whose work repro held back or redirected.</summary>
    public const string InjectedAttribute = "flakytrace.repro.injected";

    /// <summary>The span the collector opens under a test under an order condition that began after its predecessor ended.</summary>
    public const string AfterPredecessorSpan = "flakytrace.repro.after_predecessor";

    /// <summary>The span it opens instead when the test went on before its predecessor ended.</summary>
    public const string BeforePredecessorSpan = "flakytrace.repro.before_predecessor";
}
