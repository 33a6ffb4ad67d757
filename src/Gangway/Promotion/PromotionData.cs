using Gangway.Bundles;
using Gangway.Data;
using Gangway.Parsing;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Promotion;

/// <summary>Reads the labelled data a spec's promotion gates are measured on.</summary>
public static class PromotionData
{
    /// <summary>
    /// Reads <see cref="PromotionSpec.Data"/> (relative to <paramref name="baseDirectory"/>) with the columns and types both
    /// versions read plus their targets, and checks it against each version's data contract as evaluation does
    /// (errors fail, warnings go to <paramref name="warnings"/>).
    /// </summary>
    /// <param name="spec">The gates, whose <c>data</c> names the file.</param>
    /// <param name="baseDirectory">The directory of the spec file the gates come from.</param>
    /// <param name="candidate">The version to promote.</param>
    /// <param name="current">The version now in use, or null.</param>
    /// <param name="parser">Reads the file in a business unit's format; null for canonical CSV.</param>
    /// <param name="warnings">Receives the data contracts' warnings.</param>
    /// <exception cref="GangwayException">
    /// The file is missing (NotFound), lacks a column, breaks a contract, or the two versions read a column with different
    /// types (InvalidInput); an error about one row names its line.
    /// </exception>
    public static Table Read(
        PromotionSpec spec,
        string baseDirectory,
        ModelBundle candidate,
        ModelBundle? current = null,
        IParser? parser = null,
        IProgress<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(candidate);
        var path = Path.Combine(baseDirectory, spec.Data);
        if (parser is null && !File.Exists(path))
        {
            throw new GangwayException(ErrorKind.NotFound, $"The promotion data file '{path}' (promotion.data: {spec.Data}) does not exist.");
        }

        var source = parser?.Open(path) ?? new CsvFileSource(path);
        var bundles = current is null ? [candidate] : new[] { candidate, current };
        var data = source.ReadChunks(Options(bundles) with { ChunkSize = int.MaxValue }).First();
        foreach (var bundle in bundles)
        {
            BundleEvaluator.CheckContract(bundle, data, $"The promotion data for '{bundle.Name}'", warnings);
        }

        return data.Table;
    }

    // Both versions are scored on the same rows, so read every column either needs, each with the one type both expect.
    private static CsvReadOptions Options(ModelBundle[] bundles)
    {
        var types = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        var columns = new List<string>();
        var optional = new List<string>();
        foreach (var bundle in bundles)
        {
            var read = SpecData.ReadOptions(bundle.Schema, includeTarget: true);
            columns.AddRange((read.Columns ?? []).Where(c => !columns.Contains(c, StringComparer.Ordinal)));
            optional.AddRange((read.OptionalColumns ?? []).Where(c => !optional.Contains(c, StringComparer.Ordinal)));

            foreach (var input in bundle.Schema.Columns)
            {
                if (types.TryGetValue(input.Name, out var type) && type != input.Type)
                {
                    throw new GangwayException(
                        ErrorKind.InvalidInput,
                        $"Column '{input.Name}' is {Name(type)} for '{bundles[0].Name}' but {Name(input.Type)} for '{bundle.Name}'; the two versions cannot be scored on the same data.");
                }

                types[input.Name] = input.Type;
            }
        }

        // The ids are read when the file has them (a slice or fairness gate may name one); no version needs them.
        return new CsvReadOptions { ColumnTypes = types, Columns = columns, OptionalColumns = optional };
    }

    private static string Name(ColumnType type) => type.ToString().ToLowerInvariant();
}
