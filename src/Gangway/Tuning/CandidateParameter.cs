using System.Globalization;

namespace Gangway.Tuning;

/// <summary>The value one candidate gives one tuned parameter.</summary>
/// <param name="Path">The parameter's path, as in <see cref="TuningParameter.Path"/>.</param>
/// <param name="Value">The value as read from the grid: a string, a list or a map.</param>
public sealed record CandidateParameter(string Path, object? Value)
{
    /// <summary>The value as text: a string as it is, a list as <c>[a, b]</c>, a map as <c>{k: v}</c>.</summary>
    public string Text => Format(Value);

    /// <summary>Formats a value read from a grid as text (see <see cref="Text"/>).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => $"{e.Key}: {Format(e.Value)}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
