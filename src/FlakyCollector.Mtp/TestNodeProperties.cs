using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp;

/// <summary>
/// What a finished test node's properties say, read in one pass. The platform's
/// <c>SingleOrDefault&lt;T&gt;</c> scans the whole bag and makes an array for every type asked for;
/// this runs for every test.
/// </summary>
internal readonly struct TestNodeProperties
{
    private const string TrxExceptionPropertyName = "Microsoft.Testing.Extensions.TrxReport.Abstractions.TrxExceptionProperty";
    private const string StandardOutputPropertyName = "Microsoft.Testing.Platform.Extensions.Messages.StandardOutputProperty";
    private const string StandardErrorPropertyName = "Microsoft.Testing.Platform.Extensions.Messages.StandardErrorProperty";

    public TestMethodIdentifierProperty? Method { get; private init; }

    public TestFileLocationProperty? Location { get; private init; }

    public TimingProperty? Timing { get; private init; }

    /// <summary>The test's metadata, in the order the property bag gives it; the shared empty list for none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Traits { get; private init; }

    public string? Output { get; private init; }

    public string? ErrorOutput { get; private init; }

    /// <summary>The failure text the TRX report writes (read by name: the TRX abstractions are the application's own package, not a dependency of ours).</summary>
    public (string? Message, string? StackTrace)? TrxException { get; private init; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TestNodeProperties Of(TestNode node)
    {
        TestMethodIdentifierProperty? method = null;
        TestFileLocationProperty? location = null;
        TimingProperty? timing = null;
        List<KeyValuePair<string, string>>? traits = null;
        string? output = null, errorOutput = null;
        (string?, string?)? trx = null;
        foreach (var property in node.Properties)
        {
            switch (property)
            {
                case TestMethodIdentifierProperty identifier:
                    method ??= identifier;
                    break;
                case TestFileLocationProperty file:
                    location ??= file;
                    break;
                case TimingProperty time:
                    timing ??= time;
                    break;
                case TestMetadataProperty trait:
                    (traits ??= []).Add(new KeyValuePair<string, string>(trait.Key, trait.Value));
                    break;
                default:
                    // Read by name: the platform marks the output properties experimental, so they may move.
                    switch (property.GetType().FullName)
                    {
                        case StandardOutputPropertyName:
                            output ??= Text(property, "StandardOutput");
                            break;
                        case StandardErrorPropertyName:
                            errorOutput ??= Text(property, "StandardError");
                            break;
                        case TrxExceptionPropertyName:
                            trx ??= (Text(property, "Message"), Text(property, "StackTrace"));
                            break;
                    }

                    break;
            }
        }

        return new TestNodeProperties
        {
            Method = method,
            Location = location,
            Timing = timing,
            Traits = traits ?? [],
            Output = output,
            ErrorOutput = errorOutput,
            TrxException = trx,
        };
    }

    private static string? Text(object property, string name) =>
        property.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(property) as string;
}
