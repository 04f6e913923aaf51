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

    /// <summary>
    /// Span the injector opens under the test under an order condition once the test goes on: it
    /// began after its predecessor had ended. A test span timed by the framework cannot say so (xUnit's
    /// VSTest adapter reports a test's end late, after the next test of its class may have run).
    /// </summary>
    public const string AfterPredecessorSpan = "flakytrace.repro.after_predecessor";

    /// <summary>The other answer: the test went on before its predecessor ended (it came first in its class, or the wait ran out).</summary>
    public const string BeforePredecessorSpan = "flakytrace.repro.before_predecessor";
}
