namespace Gangway.Parsing;

/// <summary>
/// The parser part of a <see cref="GangwayCatalog"/>: maps a parser type named by a parser spec's <c>type:</c> key to
/// the function that creates the parser, so code parsers (one per business unit, say) can be chosen from YAML. A spec
/// without <c>type</c> gets the declarative parser. Immutable (built by <see cref="GangwayCatalogBuilder"/>), so safe
/// to share between threads.
/// </summary>
public sealed class ParserCatalog
{
    /// <summary>The type name of the built-in declarative parser, also used when a spec names no type.</summary>
    public const string Declarative = "declarative";

    private readonly IReadOnlyDictionary<string, Func<ParserSpec, IParser>> _factories;

    internal ParserCatalog(IEnumerable<KeyValuePair<string, Func<ParserSpec, IParser>>> factories)
    {
        _factories = new Dictionary<string, Func<ParserSpec, IParser>>(factories, StringComparer.Ordinal);
        Types = [.. _factories.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The type names, sorted.</summary>
    public IReadOnlyList<string> Types { get; }

    internal static IParser CreateDeclarative(ParserSpec spec) => new DeclarativeParser(spec);

    /// <summary>Creates the parser <paramref name="spec"/> names (the declarative one when it names none).</summary>
    /// <exception cref="GangwayException">The type is not in the catalog (NotFound); the message lists the ones that are.</exception>
    public IParser Create(ParserSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var type = spec.Type ?? Declarative;
        return _factories.TryGetValue(type, out var create)
            ? create(spec)
            : throw new GangwayException(
                ErrorKind.NotFound,
                $"{spec.Source}: unknown parser type '{type}'. Registered types: {string.Join(", ", Types)}. Add code parsers with GangwayCatalogBuilder.AddParser.");
    }
}
