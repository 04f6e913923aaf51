using FlakyCollector.Logging;
using FlakyCollector.Tracing;

namespace FlakyCollector.Logger.Tests;

/// <summary>
/// vstest.console loads the logger's assembly from its code base and enumerates its types before
/// the logger can tell it where FlakyCollector.Core is: a type that derives from, or implements, a
/// type of the core fails to load, and vstest then finds no logger at all and runs no test.
/// </summary>
public sealed class VstestFrontEndLoadingTests
{
    [Theory]
    [InlineData(typeof(FlakyTraceLogger))]
    [InlineData(typeof(FlakyCollector.InProc.FlakyTraceInProcCollector))]
    public void FrontEndTypes_DeriveFromNothingInTheCore(Type frontEnd)
    {
        var core = typeof(IRunReport).Assembly;

        var offending = frontEnd.Assembly.GetTypes()
            .Where(t => (t.BaseType?.Assembly == core) || t.GetInterfaces().Any(i => i.Assembly == core))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offending);
    }
}
