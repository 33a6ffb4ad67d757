using Gangway.Data;

namespace Gangway.Monitoring;

/// <summary>Reads a numeric distribution as categories: each value formatted (<see cref="Column.FormatNumber"/>), with its weight.</summary>
internal static class NumericCategories
{
    public static CategoryDistribution Of(NumericDistribution numeric)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < numeric.Values.Length; i++)
        {
            var key = Column.FormatNumber(numeric.Values[i]);
            counts[key] = counts.GetValueOrDefault(key) + numeric.Weights[i];
        }

        return new CategoryDistribution(counts, 0, numeric.Missing);
    }
}
