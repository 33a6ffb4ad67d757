namespace Gangway.Schema;

/// <summary>The snake_case names of <see cref="ValidationRule"/> values, as written in schema files and reports.</summary>
public static class RuleNames
{
    private static readonly Dictionary<ValidationRule, string> Names = new()
    {
        [ValidationRule.Type] = "type",
        [ValidationRule.Required] = "required",
        [ValidationRule.AllowedValues] = "values",
        [ValidationRule.Min] = "min",
        [ValidationRule.Max] = "max",
        [ValidationRule.MaxMissingRate] = "max_missing_rate",
        [ValidationRule.Pattern] = "pattern",
        [ValidationRule.MaxLength] = "max_length",
    };

    /// <summary>The name of <paramref name="rule"/>.</summary>
    public static string Of(ValidationRule rule) => Names[rule];

    /// <summary>The rule called <paramref name="name"/>, or null.</summary>
    public static ValidationRule? Parse(string name) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;

    /// <summary>All names, for messages.</summary>
    public static IEnumerable<string> All => Names.Values;
}
