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
            .Where(t => OfTheCore(t.BaseType, core) || t.GetInterfaces().Any(i => OfTheCore(i, core)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offending);
    }

    // A generic type over a type of the core (an iterator's IEnumerable<T>) fails to load the same way.
    private static bool OfTheCore(Type? type, System.Reflection.Assembly core) =>
        type is not null && (type.Assembly == core || (type.IsGenericType && type.GetGenericArguments().Any(a => OfTheCore(a, core))));
}
