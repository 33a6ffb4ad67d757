namespace Gangway.Profiling;

/// <summary>How often one value occurs in a column.</summary>
/// <param name="Value">The value, formatted invariantly (numbers in shortest round-trip form, see <see cref="Data.Column.FormatNumber"/>).</param>
/// <param name="Count">The number of rows holding it.</param>
public sealed record ValueFrequency(string Value, int Count);
