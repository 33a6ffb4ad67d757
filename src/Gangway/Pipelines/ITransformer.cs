using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>
/// A fitted step: what an <see cref="IEstimator"/> learned, exposed as read-only properties, applied unchanged to new data.
/// Transformers are immutable and safe to use from several threads at once.
/// </summary>
public interface ITransformer
{
    /// <summary>The stable name under which <see cref="TransformerCatalog"/> finds this transformer's loader.</summary>
    string Kind { get; }

    /// <summary>Applies the transformation; columns the step does not touch pass through, extra columns are ignored.</summary>
    /// <exception cref="GangwayException">A required column is missing or has the wrong type, or a value breaks the step's rule.</exception>
    Table Transform(Table data);

    /// <summary>Writes what the transformer learned; <see cref="TransformerCatalog"/> reads it back with the loader registered for <see cref="Kind"/>.</summary>
    void Save(TransformerWriter writer);
}
