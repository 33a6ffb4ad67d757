namespace Gangway.Pipelines;

/// <summary>
/// A fitted step compiled for one row: reads its input slots and writes its output slots. Returns false when the row
/// breaks one of the step's rules; the caller then scores the row as a table, which reports the problem in full.
/// </summary>
internal delegate bool RowStep(RowValues row);

/// <summary>A transformer that can also be applied to one row held in <see cref="RowValues"/>, without building a table.</summary>
internal interface IRowCompilable
{
    /// <summary>
    /// The step for one row, reading and updating the columns in <paramref name="layout"/> as <see cref="ITransformer.Transform"/>
    /// would; null when some column it needs is absent or has another type (the table path then reports it).
    /// </summary>
    RowStep? CompileRow(RowLayout layout);
}
