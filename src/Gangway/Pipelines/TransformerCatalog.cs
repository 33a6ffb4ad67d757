namespace Gangway.Pipelines;

/// <summary>
/// The loading part of a <see cref="GangwayCatalog"/>: maps a transformer kind to the function that loads it. Loading a
/// saved model only ever calls these loaders, so a model file cannot make Gangway instantiate a type of its choosing.
/// Immutable (built by <see cref="GangwayCatalogBuilder"/>), so safe to share between threads.
/// </summary>
public sealed class TransformerCatalog
{
    private readonly IReadOnlyDictionary<string, Func<TransformerReader, ITransformer>> _loaders;

    internal TransformerCatalog(IEnumerable<KeyValuePair<string, Func<TransformerReader, ITransformer>>> loaders)
    {
        _loaders = new Dictionary<string, Func<TransformerReader, ITransformer>>(loaders, StringComparer.Ordinal);
        Kinds = [.. _loaders.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The kinds that can be loaded, sorted.</summary>
    public IReadOnlyList<string> Kinds { get; }

    internal ITransformer Load(TransformerReader reader) =>
        _loaders.TryGetValue(reader.Kind, out var loader)
            ? loader(reader)
            : throw new GangwayException(
                ErrorKind.NotFound,
                $"Unknown step kind '{reader.Kind}'. Known kinds: {string.Join(", ", Kinds)}. Add custom steps with GangwayCatalogBuilder.AddFeatureStep and load with that catalog.");
}
