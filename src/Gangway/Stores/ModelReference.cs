using System.Globalization;
using System.Text.RegularExpressions;

namespace Gangway.Stores;

/// <summary>
/// A registry reference where a bundle path is accepted: <c>name@alias</c> (e.g. <c>titanic@champion</c>) or
/// <c>name:version</c> (e.g. <c>titanic:3</c>). An existing file always wins over a reference of the same spelling.
/// </summary>
/// <param name="Model">The registered model's name.</param>
/// <param name="Alias">The alias, or null when <paramref name="Version"/> is given.</param>
/// <param name="Version">The version, or null when <paramref name="Alias"/> is given.</param>
public sealed partial record ModelReference(string Model, string? Alias, int? Version)
{
    /// <summary>Reads <paramref name="text"/> as a reference unless it names an existing file or is not one.</summary>
    public static bool TryParse(string? text, out ModelReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(text) || File.Exists(text) || Pattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var name = match.Groups["name"].Value;
        reference = match.Groups["alias"].Success
            ? new ModelReference(name, match.Groups["alias"].Value, null)
            : int.TryParse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
                ? new ModelReference(name, null, version)
                : null;
        return reference is not null;
    }

    /// <summary>Whether <paramref name="name"/> can be a model or alias name: letters, digits, <c>_ . -</c>, starting with a letter or digit, at most 100 characters.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <inheritdoc/>
    public override string ToString() => Alias is not null ? $"{Model}@{Alias}" : $"{Model}:{Version}";

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9_.-]{0,99})(@(?<alias>[A-Za-z0-9][A-Za-z0-9_.-]{0,99})|:(?<version>[0-9]{1,9}))$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex NamePattern();
}
