namespace Gangway.Bundles;

/// <summary>
/// The git commit a directory is at, read straight from the <c>.git</c> files without starting a <c>git</c> process.
/// </summary>
/// <param name="RepositoryRoot">The work-tree directory that holds <c>.git</c>.</param>
/// <param name="Commit">The commit id HEAD resolves to (hex), or <see langword="null"/> on a branch with no commits yet.</param>
/// <param name="Branch">The branch HEAD points at (e.g. <c>main</c>), or <see langword="null"/> when HEAD is detached.</param>
/// <param name="IsDirty">
/// Whether the work tree has uncommitted changes. Always <see langword="null"/> (unknown) from <see cref="TryRead"/>:
/// answering it correctly means comparing every file with the index, which only git itself does reliably. A caller that
/// may start processes can run <c>git status --porcelain</c> and record the answer with <c>with { IsDirty = ... }</c>.
/// </param>
public sealed record GitInfo(string RepositoryRoot, string? Commit, string? Branch, bool? IsDirty)
{
    /// <summary>
    /// Finds the repository enclosing <paramref name="directory"/> by walking up to the nearest <c>.git</c> (a directory, or
    /// the file that <c>git worktree</c> and submodules use) and resolves HEAD: a detached commit id, a loose ref under
    /// <c>refs/</c>, or an entry of <c>packed-refs</c>. Never throws for unreadable or unusual repositories.
    /// </summary>
    /// <returns>The information, or <see langword="null"/> when there is no repository or it cannot be read.</returns>
    public static GitInfo? TryRead(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        try
        {
            for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
            {
                var dotGit = Path.Combine(current.FullName, ".git");
                if (Directory.Exists(dotGit) || File.Exists(dotGit))
                {
                    return Read(current.FullName, dotGit);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Lineage is best effort: an unreadable repository is recorded as "no git information", never a failed training.
        }

        return null;
    }

    private static GitInfo? Read(string root, string dotGit)
    {
        var gitDir = dotGit;
        if (File.Exists(dotGit))
        {
            var pointer = File.ReadAllText(dotGit).Trim();
            if (!pointer.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                return null;
            }

            gitDir = Path.GetFullPath(Path.Combine(root, pointer["gitdir:".Length..].Trim()));
        }

        // A linked worktree keeps HEAD in its own git dir and shares refs with the main one named in "commondir".
        var commonFile = Path.Combine(gitDir, "commondir");
        var commonDir = File.Exists(commonFile)
            ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()))
            : gitDir;
        var headFile = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headFile))
        {
            return null;
        }

        var head = File.ReadAllText(headFile).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return IsObjectId(head) ? new GitInfo(root, head.ToLowerInvariant(), null, null) : null;
        }

        var reference = head["ref:".Length..].Trim();
        var branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
        return new GitInfo(root, ResolveRef(reference, gitDir, commonDir), branch, null);
    }

    private static string? ResolveRef(string reference, string gitDir, string commonDir)
    {
        if (reference.Split('/').Any(part => part is "" or "." or ".."))
        {
            return null;
        }

        foreach (var dir in new[] { gitDir, commonDir })
        {
            var loose = Path.Combine(dir, reference);
            if (File.Exists(loose))
            {
                var id = File.ReadAllText(loose).Trim();
                return IsObjectId(id) ? id.ToLowerInvariant() : null;
            }
        }

        var packed = Path.Combine(commonDir, "packed-refs");
        if (!File.Exists(packed))
        {
            return null;
        }

        // Lines are "<id> <ref>"; '#' starts the header and '^' the peeled id of the tag above.
        foreach (var line in File.ReadLines(packed))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (line.StartsWith('#') || line.StartsWith('^') || space < 0)
            {
                continue;
            }

            if (line.AsSpan(space + 1).Trim().SequenceEqual(reference) && IsObjectId(line[..space]))
            {
                return line[..space].ToLowerInvariant();
            }
        }

        return null;
    }

    // SHA-1 repositories use 40 hex digits, SHA-256 repositories 64.
    private static bool IsObjectId(string value) => value.Length is 40 or 64 && value.All(char.IsAsciiHexDigit);
}
