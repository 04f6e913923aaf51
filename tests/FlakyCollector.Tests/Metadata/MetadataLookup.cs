namespace FlakyCollector.Tests.Metadata;

// Reads the run metadata attributes the way the tests need them.
internal static class MetadataLookup
{
    // An environment reader over variables: tests never read the real process environment.
    public static Func<string, string?> Environment(Dictionary<string, string> variables) =>
        name => variables.GetValueOrDefault(name);

    // The attributes as a dictionary; fails when a key occurs twice.
    public static Dictionary<string, string> AsDictionary(this IReadOnlyList<KeyValuePair<string, string>> attributes) =>
        new(attributes, StringComparer.Ordinal);

    public static string? ValueOf(this IReadOnlyList<KeyValuePair<string, string>> attributes, string key) =>
        attributes.AsDictionary().GetValueOrDefault(key);

    // Fails when any value still holds secret.
    public static void AssertNoValueContains(this IReadOnlyList<KeyValuePair<string, string>> attributes, string secret) =>
        Assert.DoesNotContain(attributes, a => a.Value.Contains(secret, StringComparison.Ordinal));
}
