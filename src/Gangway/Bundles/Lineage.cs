using System.Text;

namespace Gangway.Bundles;

/// <summary>
/// Where a model came from: the exact training data and spec (by SHA-256), the code (git commit), the Gangway version,
/// the seed and the time. It holds nothing machine-specific (no paths, user or host names), so the same training on two
/// machines records the same lineage apart from the time. Saved as <c>lineage.json</c> in a model bundle.
/// </summary>
/// <param name="DataSha256">SHA-256 (lowercase hex) of the raw bytes of the training data file.</param>
/// <param name="SpecSha256">SHA-256 (lowercase hex) of the raw bytes of the spec file.</param>
/// <param name="GitCommit">The commit of the repository holding the spec, or <see langword="null"/> when not in a git repository.</param>
/// <param name="GitDirty">Whether that work tree had uncommitted changes; <see langword="null"/> when unknown (see <see cref="GitInfo.IsDirty"/>).</param>
/// <param name="GangwayVersion">The <see cref="Bundles.GangwayVersion.Current"/> that trained the model.</param>
/// <param name="Seed">The seed every source of randomness in training was given.</param>
/// <param name="TrainedAtUtc">When training happened, in UTC.</param>
/// <param name="ParsedDataSha256">
/// SHA-256 of the training data as the model saw it (the columns read, written as canonical CSV): equal for a unit's
/// raw file read through its parser and the canonical file with the same content. Null in bundles that predate it.
/// </param>
/// <param name="ParserSha256">SHA-256 of the parser spec the raw data was read through, or null when none was used.</param>
public sealed record Lineage(
    string DataSha256,
    string SpecSha256,
    string? GitCommit,
    bool? GitDirty,
    string GangwayVersion,
    int Seed,
    DateTimeOffset TrainedAtUtc,
    string? ParsedDataSha256 = null,
    string? ParserSha256 = null)
{
    /// <summary>
    /// Records the lineage of a training run now: hashes the data and spec files, reads git information from the spec's
    /// directory with <see cref="GitInfo.TryRead"/>, and takes the time from <paramref name="timeProvider"/>.
    /// </summary>
    /// <exception cref="GangwayException">A file does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    public static Lineage Capture(string dataPath, string specPath, int seed, TimeProvider timeProvider) =>
        CaptureWithDataHash(Hashing.Sha256File(dataPath), specPath, seed, timeProvider);

    /// <summary>Like <see cref="Capture(string, string, int, TimeProvider)"/>, with the raw data's hash already known (e.g. from a parsed source).</summary>
    /// <exception cref="GangwayException">The spec file does not exist (<see cref="ErrorKind.NotFound"/>).</exception>
    public static Lineage CaptureWithDataHash(string dataSha256, string specPath, int seed, TimeProvider timeProvider, string? parserSha256 = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specPath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var dataHash = dataSha256;
        var specHash = Hashing.Sha256File(specPath);
        var git = GitInfo.TryRead(Path.GetDirectoryName(Path.GetFullPath(specPath))!);
        return new Lineage(
            dataHash,
            specHash,
            git?.Commit,
            git?.IsDirty,
            Bundles.GangwayVersion.Current,
            seed,
            timeProvider.GetUtcNow().ToUniversalTime(),
            ParserSha256: parserSha256);
    }

    /// <summary>The lineage as indented JSON (camelCase); deterministic.</summary>
    public string ToJson() => GangwayJson.SerializeToString(this);

    /// <summary>Reads lineage written by <see cref="ToJson"/>.</summary>
    /// <exception cref="GangwayException">The JSON is malformed, lacks a value, or a digest is not 64 hex digits (<see cref="ErrorKind.CorruptArtifact"/>).</exception>
    public static Lineage FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(Encoding.UTF8.GetBytes(json));
    }

    internal static Lineage FromUtf8(ReadOnlySpan<byte> utf8)
    {
        var lineage = GangwayJson.Deserialize<Lineage>(utf8, "lineage.json");
        foreach (var (name, value) in new[] { ("dataSha256", lineage.DataSha256), ("specSha256", lineage.SpecSha256) })
        {
            if (!Hashing.IsSha256Hex(value))
            {
                throw new GangwayException(
                    ErrorKind.CorruptArtifact,
                    $"'lineage.json': '{name}' must be 64 lowercase hex digits but is '{value}'.");
            }
        }

        return lineage;
    }
}
