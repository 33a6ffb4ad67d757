using Gangway.Data;
using Gangway.Schema;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>Applies a spec's data contract to labelled data before training or evaluation.</summary>
internal static class ContractCheck
{
    private const int WarningsReported = 20;

    /// <summary>Fails on errors with a one-line summary; reports warnings (a bounded number) to <paramref name="warnings"/>.</summary>
    public static void Labelled(ModelSpec spec, Table data, IReadOnlyList<long>? lines, string what, IProgress<string>? warnings)
    {
        if (spec.Contract is not null)
        {
            var contract = spec.Contract.WithRoles(spec.IdColumns.Select(c => c.Name), spec.Target.Column);
            Labelled(contract, SpecData.ColumnNames(spec, includeTarget: true), data, lines, what, warnings);
        }
    }

    /// <summary>Checks the named columns of <paramref name="data"/> against <paramref name="contract"/>.</summary>
    public static void Labelled(DataSchema contract, IEnumerable<string> columns, Table data, IReadOnlyList<long>? lines, string what, IProgress<string>? warnings)
    {
        var validator = new SchemaValidator(contract.Select(columns));
        var result = validator.Validate(data);
        string Label(int row) => lines is not null && row < lines.Count ? $"line {lines[row]}" : $"row {row}";
        foreach (var warning in result.Warnings.Take(WarningsReported))
        {
            warnings?.Report(warning.Describe(warning.Row is { } row ? Label(row) : null));
        }

        if (result.HasErrors)
        {
            throw new GangwayException(ErrorKind.InvalidInput, new ValidationReport(result, Label).Summary(what));
        }
    }
}
