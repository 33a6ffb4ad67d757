using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>A fitted pipeline: applies its fitted steps in order. Saves and loads as one artifact.</summary>
public sealed class PipelineTransformer : ITransformer
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "pipeline";

    /// <summary>Creates a fitted pipeline from fitted steps.</summary>
    public PipelineTransformer(IEnumerable<ITransformer> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
    }

    /// <summary>The fitted steps, in order.</summary>
    public IReadOnlyList<ITransformer> Steps { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var step in Steps)
        {
            data = step.Transform(data);
        }

        return data;
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteTransformers("steps", Steps);
    }

    internal static PipelineTransformer Load(TransformerReader reader) => new(reader.ReadTransformers("steps"));
}
