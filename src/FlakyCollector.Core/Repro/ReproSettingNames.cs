namespace FlakyCollector.Repro;

/// <summary>The FlakyTrace configuration element that only <c>flakytrace repro</c> writes.</summary>
internal static class ReproSettingNames
{
    /// <summary>The condition to inject (<see cref="ReproPlan"/>); absent in every run repro did not start.</summary>
    public const string Repro = "Repro";

    /// <summary>
    /// Where no run settings reach the test process (xUnit v3 under VSTest), the logger passes the
    /// plan on in this variable, set for the processes of that one run.
    /// </summary>
    public const string ReproVariable = "FLAKYTRACE_REPRO";

    /// <summary>Attribute on a span whose work repro held back or redirected, so the verdict can tell the condition happened.</summary>
    public const string InjectedAttribute = "flakytrace.repro.injected";
}
