namespace Gangway.Pipelines;

/// <summary>
/// Maps a transformer kind to the function that loads it. Loading a saved model only ever calls registered loaders,
/// so a model file cannot make Gangway instantiate a type of its choosing. Register your own steps here
/// (see docs/custom-steps.md). Registration is thread-safe; register before loading.
/// </summary>
public sealed class TransformerCatalog
{
    private readonly Dictionary<string, Func<TransformerReader, ITransformer>> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The catalog with every built-in step and learner, used when none is given.</summary>
    public static TransformerCatalog Default { get; } = CreateWithBuiltIns();

    /// <summary>The registered kinds, sorted.</summary>
    public IReadOnlyList<string> Kinds
    {
        get
        {
            lock (_lock)
            {
                return [.. _loaders.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers (or replaces) the loader for <paramref name="kind"/>.</summary>
    public TransformerCatalog Register(string kind, Func<TransformerReader, ITransformer> loader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(loader);
        lock (_lock)
        {
            _loaders[kind] = loader;
        }

        return this;
    }

    /// <summary>Creates a catalog holding only the built-in kinds.</summary>
    public static TransformerCatalog CreateWithBuiltIns() => BuiltInTransformers.RegisterAll(new TransformerCatalog());

    internal ITransformer Load(TransformerReader reader)
    {
        Func<TransformerReader, ITransformer>? loader;
        lock (_lock)
        {
            _loaders.TryGetValue(reader.Kind, out loader);
        }

        if (loader is null)
        {
            throw new GangwayException(
                ErrorKind.NotFound,
                $"Unknown step kind '{reader.Kind}'. Known kinds: {string.Join(", ", Kinds)}. Register custom steps with TransformerCatalog.Default.Register before loading.");
        }

        return loader(reader);
    }
}
