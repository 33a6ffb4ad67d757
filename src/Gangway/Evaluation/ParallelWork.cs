using System.Runtime.ExceptionServices;

namespace Gangway.Evaluation;

/// <summary>
/// Runs independent pieces of an evaluation (the metrics of each slice, of each baseline) on every core. A failure
/// surfaces as the exception itself, not wrapped, and when several pieces fail it is always the first piece's, so the
/// error a user sees does not depend on which thread ran first.
/// </summary>
internal static class ParallelWork
{
    /// <summary>The results of <paramref name="work"/> applied to each item, in the items' order.</summary>
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        var errors = new ExceptionDispatchInfo?[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = work(items[i]);
            }
#pragma warning disable CA1031 // Rethrown below, the first in order.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors[i] = ExceptionDispatchInfo.Capture(ex);
            }
        });
        errors.FirstOrDefault(e => e is not null)?.Throw();
        return results;
    }
}
