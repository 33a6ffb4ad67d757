using System.Runtime.CompilerServices;

namespace Gangway.Stores;

/// <summary>
/// Streams a query page by page, each page starting after the key of the previous page's last row (keyset paging), so
/// a long read holds one page in memory and never one long transaction.
/// </summary>
public static class KeysetPages
{
    /// <summary>Every row of every page, in order; stops after a page shorter than <paramref name="pageSize"/>.</summary>
    /// <param name="readPage">Reads the page after a key (null: the first page), at most <paramref name="pageSize"/> rows.</param>
    /// <param name="keyOf">The key of a row, which the next page starts after.</param>
    /// <param name="pageSize">The most rows a page holds.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow, TKey>(
        Func<TKey?, Task<IReadOnlyList<TRow>>> readPage, Func<TRow, TKey> keyOf, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : class
    {
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentNullException.ThrowIfNull(keyOf);
        TKey? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await readPage(after).ConfigureAwait(false);
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = keyOf(page[^1]);
        }
    }
}
