using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>A fitted pipeline: applies its fitted steps in order. Saves and loads as one artifact.</summary>
public sealed class PipelineTransformer : ITransformer, IRowCompilable
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

    RowStep? IRowCompilable.CompileRow(RowLayout layout) => CompileRow(Steps, layout);

    /// <summary>The row form of <paramref name="steps"/> applied in order; null when one of them has none.</summary>
    internal static RowStep? CompileRow(IEnumerable<ITransformer> steps, RowLayout layout)
    {
        var compiled = new List<RowStep>();
        foreach (var step in steps)
        {
            if (step is not IRowCompilable compilable || compilable.CompileRow(layout) is not { } rowStep)
            {
                return null;
            }

            compiled.Add(rowStep);
        }

        RowStep[] all = [.. compiled];
        return row =>
        {
            foreach (var step in all)
            {
                if (!step(row))
                {
                    return false;
                }
            }

            return true;
        };
    }

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteTransformers("steps", Steps);
    }

    internal static PipelineTransformer Load(TransformerReader reader) => new(reader.ReadTransformers("steps"));
}
