using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>Ready-made <see cref="Change"/> values for store tests.</summary>
public static class StoreChanges
{
    /// <summary>A change by <c>tester</c> with no reason.</summary>
    public static readonly Change ByTester = new("tester");

    /// <summary>A change by <paramref name="actor"/> for <paramref name="reason"/> with the given notes (name, value, name, value, ...).</summary>
    public static Change By(string actor, string? reason = null, params string[] notes)
    {
        if (notes.Length % 2 != 0)
        {
            throw new ArgumentException("Notes come in name/value pairs.", nameof(notes));
        }

        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Length; i += 2)
        {
            dictionary[notes[i]] = notes[i + 1];
        }

        return new Change(actor, reason, notes.Length == 0 ? null : dictionary);
    }
}
