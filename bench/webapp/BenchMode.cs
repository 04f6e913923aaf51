namespace FlakyTrace.Bench.WebApp;

/// <summary>What is present in the process while the requests run.</summary>
public enum BenchMode
{
    /// <summary>No listener at all: the app as it runs without FlakyTrace.</summary>
    Untraced,

    /// <summary>An ActivityListener on the test and ASP.NET Core sources only: server spans are recorded, unparented.</summary>
    Listener,

    /// <summary>The same listener plus the recorder's hosting support: server spans follow the caller.</summary>
    Followed,
}
