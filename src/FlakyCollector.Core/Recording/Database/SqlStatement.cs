using System.Text;

namespace FlakyCollector.Recording.Database;

/// <summary>
/// Reads what a span needs from SQL text without a parser: the text with its literal values
/// replaced by <c>?</c> (a value can be a secret or personal data, and placeholders let the same
/// query group with itself), its operation (the first keyword) and the table it works on.
/// </summary>
internal static class SqlStatement
{
    private static readonly string[] TableAfter = ["FROM", "INTO", "UPDATE", "JOIN", "TABLE"];

    /// <summary>Replaces string, numeric, hexadecimal and boolean-free literals with <c>?</c>; keeps identifiers, parameters and keywords.</summary>
    public static string Sanitize(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'')
            {
                i = SkipQuoted(sql, i, '\'');
                text.Append('?');
            }
            else if (c is '"' or '`' or '[')
            {
                var end = SkipQuoted(sql, i, c == '[' ? ']' : c);
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end;
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (char.IsDigit(c) && !IsWordChar(At(sql, i - 1)))
            {
                i = SkipNumber(sql, i);
                text.Append('?');
            }
            else if (IsWordChar(c) || c is '@' or '$' or ':')
            {
                // Identifiers and parameters (@p0, $1, :name) run to the end of the word, digits included.
                var start = i++;
                while (i < sql.Length && IsWordChar(sql[i]))
                {
                    i++;
                }

                text.Append(sql, start, i - start);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>The statement's first keyword in upper case (<c>SELECT</c>, <c>INSERT</c>, <c>WITH</c>, ...), or null.</summary>
    public static string? Operation(string sql) =>
        Words(sql).FirstOrDefault() is { } word && word.All(char.IsLetter) ? word.ToUpperInvariant() : null;

    /// <summary>The first table named after FROM, INTO, UPDATE, JOIN or TABLE, unquoted; null when none.</summary>
    public static string? Collection(string sql)
    {
        var previous = string.Empty;
        foreach (var word in Words(sql))
        {
            var afterTableKeyword = TableAfter.Any(k => k.Equals(previous, StringComparison.OrdinalIgnoreCase));
            if (afterTableKeyword && IsModifier(word))
            {
                // CREATE TABLE IF NOT EXISTS t, FROM ONLY t: the table is still to come.
                continue;
            }

            if (afterTableKeyword && word != "(" && !IsKeyword(word))
            {
                return Unquote(word);
            }

            previous = word;
        }

        return null;
    }

    private static bool IsKeyword(string word) => word.Equals("SELECT", StringComparison.OrdinalIgnoreCase);

    private static bool IsModifier(string word) =>
        word.Equals("IF", StringComparison.OrdinalIgnoreCase) || word.Equals("NOT", StringComparison.OrdinalIgnoreCase)
        || word.Equals("EXISTS", StringComparison.OrdinalIgnoreCase) || word.Equals("ONLY", StringComparison.OrdinalIgnoreCase)
        || word.Equals("LATERAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Words of the statement: quoted names (dotted names whole), bare words, and "(" so a subquery is not a table.</summary>
    private static IEnumerable<string> Words(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'')
            {
                i = SkipQuoted(sql, i, '\'');
            }
            else if (c == '(')
            {
                i++;
                yield return "(";
            }
            else if (c is '"' or '`' or '[' || IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && (sql[i] is '"' or '`' or '[' or '.' || IsWordChar(sql[i])))
                {
                    i = sql[i] is '"' or '`' or '[' ? SkipQuoted(sql, i, sql[i] == '[' ? ']' : sql[i]) : i + 1;
                }

                yield return sql[start..i];
            }
            else
            {
                i++;
            }
        }
    }

    private static string Unquote(string name) =>
        name.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal)
            .Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);

    private static int SkipQuoted(string sql, int start, char close)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                // A doubled quote is the quote itself, inside the literal.
                if (At(sql, i + 1) == close && close != ']')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    private static int SkipNumber(string sql, int start)
    {
        var i = start;
        if (sql[i] == '0' && At(sql, i + 1) is 'x' or 'X')
        {
            i += 2;
        }

        while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'
            || (sql[i] is '+' or '-' && At(sql, i - 1) is 'e' or 'E')))
        {
            i++;
        }

        return i;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static char At(string sql, int i) => i >= 0 && i < sql.Length ? sql[i] : '\0';
}
