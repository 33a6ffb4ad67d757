namespace Gangway.Features;

/// <summary>Validation of the options a spec author writes for a feature step.</summary>
internal static class FeatureOptions
{
    /// <summary>Checks a list of column names: at least one, none blank, none repeated.</summary>
    /// <exception cref="GangwayException">The list is empty, has a blank name or repeats a name (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static string[] ColumnList(IEnumerable<string> columns, string step, string argument = "columns")
    {
        ArgumentNullException.ThrowIfNull(columns);
        string[] names = [.. columns];
        if (names.Length == 0)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"'{step}' needs at least one column in '{argument}'.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            ColumnName(name, step, argument);
            if (!seen.Add(name))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"'{step}' lists column '{name}' more than once in '{argument}'.");
            }
        }

        return names;
    }

    /// <summary>Checks one column name.</summary>
    /// <exception cref="GangwayException">The name is null or blank (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public static string ColumnName(string? name, string step, string argument) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new GangwayException(ErrorKind.InvalidConfiguration, $"'{step}' argument '{argument}' needs a column name; got a blank one.")
            : name;
}
