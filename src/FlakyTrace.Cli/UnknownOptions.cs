using System.CommandLine;
using System.CommandLine.Parsing;

namespace FlakyTrace.Cli;

/// <summary>
/// Options the command does not have. analyze and report take any number of paths, so the parser
/// hands a mistyped option (<c>--fromat json</c>) to the paths, and the user would read "no such
/// file: --fromat". A path argument that starts with '-' and names nothing on disk is taken for
/// what it most likely is: an option, with the command's nearest one suggested.
/// </summary>
internal static class UnknownOptions
{
    // One typo or one swapped pair of letters, as in --fromat for --format; more and the guess is noise.
    private const int MaxDistance = 2;

    public static IReadOnlyList<string> In(ParseResult parsed)
    {
        var command = parsed.CommandResult;
        var problems = new List<string>();
        foreach (var argument in command.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                var text = token.Value;
                if (text.Length > 1 && text[0] == '-' && !File.Exists(text) && !Directory.Exists(text))
                {
                    problems.Add(Message(command.Command, text));
                }
            }
        }

        return problems;
    }

    private static string Message(Command command, string text)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal);
        var near = names
            .Select(name => (Name: name, Distance: Distance(text, name)))
            .Where(n => n.Distance <= MaxDistance)
            .OrderBy(n => n.Distance)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => n.Name)
            .FirstOrDefault();
        var known = string.Join(", ", command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
        return near is null
            ? $"unknown option '{text}' for '{command.Name}'. Its options: {known}."
            : $"unknown option '{text}' for '{command.Name}'. Did you mean '{near}'?";
    }

    /// <summary>Edits between two names, a swap of neighbours counting as one (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
