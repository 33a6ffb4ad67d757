using System.Text.Json;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>
/// How a store's test project creates the stores the conformance suites run on: an empty store, a second connection to
/// it, and a way around the id generator. Disposing it removes what it created.
/// </summary>
public abstract class StoreTarget : IDisposable
{
    /// <summary>A new, empty store.</summary>
    public abstract Task<IStore> CreateAsync();

    /// <summary>A second, independent connection to the same store (for concurrency and persistence tests).</summary>
    public abstract Task<IStore> ReopenAsync(IStore store);

    /// <summary>
    /// Gives a run another id, bypassing the store's id generator, so that two runs can share a prefix. Only tests use it.
    /// The run has no parent, children, artifacts, parameters, metrics or tags.
    /// </summary>
    public abstract Task ChangeRunIdAsync(IStore store, string runId, string newRunId);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="CreateAsync"/> made.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>
/// What the conformance suites share: the stores a test opened (disposed after it) and helpers. One suite per interface
/// (<see cref="RunStoreConformance"/>, <see cref="ModelRegistryConformance"/>) and one for the store as a whole
/// (<see cref="StoreConcurrencyConformance"/>); a store's test project derives one class from each with its <see cref="StoreTarget"/>.
/// </summary>
public abstract class StoreConformance(StoreTarget target) : IAsyncLifetime, IDisposable
{
    private readonly List<IStore> _opened = [];

    /// <summary>The token the suites pass to the store; tests are not cancelled.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    /// <inheritdoc/>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes every store the test opened.</summary>
    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _opened.Clear();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        target.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new empty store that is disposed after the test.</summary>
    protected async Task<IStore> NewStore() => Track(await target.CreateAsync());

    /// <summary>A second connection to <paramref name="store"/> that is disposed after the test.</summary>
    protected async Task<IStore> SecondConnection(IStore store) => Track(await target.ReopenAsync(store));

    private IStore Track(IStore store)
    {
        _opened.Add(store);
        return store;
    }

    /// <summary>See <see cref="StoreTarget.ChangeRunIdAsync"/>.</summary>
    protected Task ChangeRunId(IStore store, string runId, string newRunId) => target.ChangeRunIdAsync(store, runId, newRunId);

    protected static Task<RunRecord> CreateModelRun(IStore store, string content = "bundle bytes") =>
        store.Runs.CreateRunAsync(NewRunBuilder.WithModel(content).Build(), StoreChanges.ByTester, Ct);

    protected static async Task<ModelVersionRecord> RegisterNew(IStore store, string model, string content = "bundle bytes") =>
        await store.Registry.RegisterVersionAsync(model, (await CreateModelRun(store, content)).Id, RunArtifact.ModelBundle, StoreChanges.ByTester, Ct);

    protected static async Task<IStore> WithVersions(Task<IStore> opening, string model, int count)
    {
        var store = await opening;
        for (var i = 0; i < count; i++)
        {
            await RegisterNew(store, model);
        }

        return store;
    }

    protected static async Task<GangwayException> FailsAsync(ErrorKind kind, Func<Task> action)
    {
        var exception = await Assert.ThrowsAsync<GangwayException>(action);
        Assert.Equal(kind, exception.Kind);
        return exception;
    }

    protected static async Task<AuditEntry> LatestAudit(IStore store) => (await store.Registry.ListAuditAsync(new AuditQuery(Limit: 1), Ct)).Single();

    protected static JsonElement Details(AuditEntry entry)
    {
        using var document = JsonDocument.Parse(entry.Details);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    protected static List<KeyValuePair<string, TValue>> Sorted<TValue>(IReadOnlyDictionary<string, TValue> dictionary) =>
        [.. dictionary.OrderBy(pair => pair.Key, StringComparer.Ordinal)];

    protected static void AssertUtcBetween(DateTimeOffset value, DateTimeOffset before, DateTimeOffset after)
    {
        Assert.Equal(TimeSpan.Zero, value.Offset);
        // Stores keep at least milliseconds; allow the truncation on both ends.
        Assert.InRange(value, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    // Two real threads released together, so the store sees truly concurrent writers; each waits on its own work.
    protected static void OnTwoThreads(Func<Task> first, Func<Task> second)
    {
        using var start = new Barrier(2);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = new[] { first, second }.Select(action => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                action().GetAwaiter().GetResult();
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

/// <summary>The behaviour every <see cref="IRunStore"/> must have: runs, their artifacts, listing and evaluations.</summary>
public abstract partial class RunStoreConformance(StoreTarget target) : StoreConformance(target);

/// <summary>The behaviour every <see cref="IModelRegistry"/> must have: versions, aliases and the audit log.</summary>
public abstract partial class ModelRegistryConformance(StoreTarget target) : StoreConformance(target);

/// <summary>What a store as a whole must do: second connections see what the first wrote; concurrent writers lose nothing.</summary>
public abstract partial class StoreConcurrencyConformance(StoreTarget target) : StoreConformance(target);
