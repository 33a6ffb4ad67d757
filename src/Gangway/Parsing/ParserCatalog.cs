namespace Gangway.Parsing;

/// <summary>
/// Maps a parser type named by a spec's <c>type:</c> key to the function that creates the parser, so code parsers
/// can be chosen from YAML. A spec without <c>type</c> gets the declarative parser. Registration and creation are
/// thread-safe; register before reading data.
/// </summary>
public sealed class ParserCatalog
{
    /// <summary>The type name of the built-in declarative parser, also used when a spec names no type.</summary>
    public const string Declarative = "declarative";

    private readonly Dictionary<string, Func<ParserSpec, IParser>> _factories = new(StringComparer.Ordinal)
    {
        [Declarative] = spec => new DeclarativeParser(spec),
    };

    private readonly Lock _lock = new();

    /// <summary>The catalog used when none is given.</summary>
    public static ParserCatalog Default { get; } = new();

    /// <summary>The registered type names, sorted.</summary>
    public IReadOnlyList<string> Types
    {
        get
        {
            lock (_lock)
            {
                return [.. _factories.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers (or replaces) the factory for parser type <paramref name="name"/>.</summary>
    /// <param name="name">The name a spec gives as <c>type:</c>.</param>
    /// <param name="create">Creates the parser from its spec (contract, encoding, <see cref="ParserSpec.Options"/>...).</param>
    /// <returns>This catalog, for chaining.</returns>
    public ParserCatalog Register(string name, Func<ParserSpec, IParser> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            _factories[name] = create;
        }

        return this;
    }

    /// <summary>Creates the parser <paramref name="spec"/> names (the declarative one when it names none).</summary>
    /// <exception cref="GangwayException">The type is not registered (NotFound); the message lists the registered ones.</exception>
    public IParser Create(ParserSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var type = spec.Type ?? Declarative;
        Func<ParserSpec, IParser>? create;
        lock (_lock)
        {
            _factories.TryGetValue(type, out create);
        }

        return create is null
            ? throw new GangwayException(
                ErrorKind.NotFound,
                $"{spec.Source}: unknown parser type '{type}'. Registered types: {string.Join(", ", Types)}. Register code parsers with ParserCatalog.Default.Register.")
            : create(spec);
    }
}
