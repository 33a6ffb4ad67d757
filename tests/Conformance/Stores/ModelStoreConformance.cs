using System.Text.Json;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>
/// The behaviour every <see cref="IModelStore"/> must have. A store's test project derives from this class, links the
/// files of this folder and says how to create an empty store and how to open a second connection to it.
/// </summary>
public abstract partial class ModelStoreConformance : IDisposable
{
    private readonly List<IModelStore> _opened = [];

    /// <summary>A new, empty store.</summary>
    protected abstract IModelStore CreateStore();

    /// <summary>A second, independent connection to the same store (for concurrency and persistence tests).</summary>
    protected virtual IModelStore Reopen(IModelStore store) =>
        throw new NotSupportedException($"{GetType().Name} must override Reopen: the concurrency tests need a second connection to the same store.");

    /// <summary>
    /// Gives a run another id, bypassing the store's id generator, so that two runs can share a prefix. Only tests use it.
    /// The run has no parent, children, artifacts, parameters, metrics or tags.
    /// </summary>
    protected virtual void ChangeRunId(IModelStore store, string runId, string newRunId) =>
        throw new NotSupportedException($"{GetType().Name} must override ChangeRunId: the ambiguous-prefix test needs two runs with a common prefix.");

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes every store the test opened; derived classes then remove what <see cref="CreateStore"/> made.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var store in _opened)
            {
                store.Dispose();
            }

            _opened.Clear();
        }
    }

    /// <summary>A new empty store that is disposed after the test.</summary>
    protected IModelStore NewStore() => Track(CreateStore());

    /// <summary>A second connection to <paramref name="store"/> that is disposed after the test.</summary>
    protected IModelStore SecondConnection(IModelStore store) => Track(Reopen(store));

    private IModelStore Track(IModelStore store)
    {
        _opened.Add(store);
        return store;
    }

    private static RunRecord CreateModelRun(IModelStore store, string content = "bundle bytes") =>
        store.CreateRun(NewRunBuilder.WithModel(content).Build(), StoreChanges.ByTester);

    private static ModelVersionRecord RegisterNew(IModelStore store, string model, string content = "bundle bytes") =>
        store.RegisterVersion(model, CreateModelRun(store, content).Id, RunArtifact.ModelBundle, StoreChanges.ByTester);

    private static GangwayException Fails(ErrorKind kind, Action action)
    {
        var exception = Assert.Throws<GangwayException>(action);
        Assert.Equal(kind, exception.Kind);
        return exception;
    }

    private static AuditEntry LatestAudit(IModelStore store) => store.ListAudit(new AuditQuery(Limit: 1)).Single();

    private static JsonElement Details(AuditEntry entry)
    {
        using var document = JsonDocument.Parse(entry.Details);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    private static List<KeyValuePair<string, TValue>> Sorted<TValue>(IReadOnlyDictionary<string, TValue> dictionary) =>
        [.. dictionary.OrderBy(pair => pair.Key, StringComparer.Ordinal)];

    private static void AssertUtcBetween(DateTimeOffset value, DateTimeOffset before, DateTimeOffset after)
    {
        Assert.Equal(TimeSpan.Zero, value.Offset);
        // Stores keep at least milliseconds; allow the truncation on both ends.
        Assert.InRange(value, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    private static void OnTwoThreads(Action first, Action second)
    {
        using var start = new Barrier(2);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = new[] { first, second }.Select(action => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                action();
            }
            catch (Exception exception)
            {
                errors.Enqueue(exception);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        if (!errors.IsEmpty)
        {
            throw new AggregateException(errors);
        }
    }
}
