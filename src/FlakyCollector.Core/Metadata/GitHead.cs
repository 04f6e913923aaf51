namespace FlakyCollector.Metadata;

// What HEAD points at: a branch and its commit, or, when detached (as CI checkouts usually are), a commit only.
internal sealed record GitHead(string? Branch, string? Commit)
{
    private const string SymbolicPrefix = "ref:";
    private const string BranchPrefix = "refs/heads/";

    // A ref pointing at a ref pointing at...: git itself gives up after five.
    private const int MaxSymbolicDepth = 5;

    public static GitHead Read(GitDirectory directory)
    {
        var head = GitFiles.FirstLine(GitFiles.ReadSmall(Path.Combine(directory.Path, "HEAD")));
        if (head is null)
        {
            return new GitHead(null, null);
        }

        if (!head.StartsWith(SymbolicPrefix, StringComparison.Ordinal))
        {
            return new GitHead(null, IsObjectId(head) ? head.ToLowerInvariant() : null);
        }

        var name = head[SymbolicPrefix.Length..].Trim();
        if (!IsSafeRefName(name))
        {
            return new GitHead(null, null);
        }

        var branch = name.StartsWith(BranchPrefix, StringComparison.Ordinal) ? name[BranchPrefix.Length..] : null;

        // A branch with no commit yet (a fresh "git init") has no ref file at all: the branch alone is still right.
        return new GitHead(string.IsNullOrEmpty(branch) ? null : branch, Resolve(directory, name, MaxSymbolicDepth));
    }

    // A SHA-1 (40) or SHA-256 (64) object id in hex.
    public static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);

    private static string? Resolve(GitDirectory directory, string name, int depth)
    {
        if (depth == 0 || !IsSafeRefName(name))
        {
            return null;
        }

        // Per-worktree refs live in the worktree's folder, shared ones (branches, tags) in the common folder.
        foreach (var root in new[] { directory.Path, directory.CommonPath }.Distinct(StringComparer.Ordinal))
        {
            var content = GitFiles.FirstLine(GitFiles.ReadSmall(Path.Combine(root, name)));
            if (content is null)
            {
                continue;
            }

            return content.StartsWith(SymbolicPrefix, StringComparison.Ordinal)
                ? Resolve(directory, content[SymbolicPrefix.Length..].Trim(), depth - 1)
                : IsObjectId(content) ? content.ToLowerInvariant() : null;
        }

        return Packed(directory.CommonPath, name);
    }

    // "git gc" and "git pack-refs" move refs into packed-refs: "<id> <name>" lines, "^<id>" peeled tag lines, "#" header.
    private static string? Packed(string commonPath, string name)
    {
        var path = Path.Combine(commonPath, "packed-refs");
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in GitFiles.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).TrimEnd().SequenceEqual(name) && IsObjectId(line[..space]))
            {
                return line[..space].ToLowerInvariant();
            }
        }

        return null;
    }

    // HEAD is a file anyone can write: its ref must stay inside the .git folder.
    private static bool IsSafeRefName(string name) =>
        name.StartsWith("refs/", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['\\', ':', '\0']) < 0;
}
