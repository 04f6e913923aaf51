// What the hook the package compiles into .NET 8+ test projects costs as a test assembly loads:
// FlakyTraceHookEntry.StartTestTrace looks once at the assembly's metadata for a reference to
// TestTrace, and starts TestTrace's listener only where there is one.
// Usage: dotnet run bench/traceapi/startup-cost.cs -- ASSEMBLY.dll [more.dll ...]
#:property PublishAot=false
#:project ../../src/FlakyCollector.Core/FlakyCollector.Core.csproj
using System.Diagnostics;
using System.Reflection;
using FlakyCollector.Hooks;

foreach (var path in args)
{
    var assembly = Assembly.LoadFrom(Path.GetFullPath(path));
    var cold = Stopwatch.StartNew();
    FlakyTraceHookEntry.StartTestTrace(assembly);
    cold.Stop();
    const int rounds = 200;
    var warm = Stopwatch.StartNew();
    for (var i = 0; i < rounds; i++)
    {
        FlakyTraceHookEntry.StartTestTrace(assembly);
    }

    warm.Stop();
    Console.WriteLine($"{Path.GetFileName(path)}: first call {cold.Elapsed.TotalMilliseconds:0.00} ms, then {warm.Elapsed.TotalMilliseconds * 1000 / rounds:0} us per call");
}
