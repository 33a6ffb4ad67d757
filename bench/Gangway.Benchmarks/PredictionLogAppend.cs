using System.Diagnostics;
using System.Globalization;
using Gangway.Hosting;
using Gangway.PredictionLog;

namespace Gangway.Benchmarks;

/// <summary>
/// How fast the prediction log takes records into a store: Titanic-sized records (10 inputs as JSON, about 330 bytes a
/// record) appended straight to <c>IStore.PredictionLog</c> in batches, then the same count through a
/// <see cref="PredictionLogWriter"/> with the store sink (queue, background batches), as the service uses it. Prints
/// records/s for each and checks the count written. Each run appends to the store it is given; use a fresh one.
/// </summary>
internal static class PredictionLogAppend
{
    public static async Task RunAsync(string uri, int count, int batchSize)
    {
        var stores = HostStores.Catalog();
        var records = Make(count, "bench-direct");
        await using (var store = await stores.OpenAsync(uri, CancellationToken.None))
        {
            await store.PredictionLog.AppendAsync(Make(1_000, "bench-warmup"), CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var batch in records.Chunk(batchSize))
            {
                await store.PredictionLog.AppendAsync(batch, CancellationToken.None);
            }

            Report("direct AppendAsync", uri, count, batchSize, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        }

        var viaWriter = Make(count, "bench-writer");
        var writer = new PredictionLogWriter(
            await PredictionLogSinks.OpenStoreAsync(stores, uri, CancellationToken.None),
            new PredictionLogWriterOptions { Capacity = count, MaxBatchSize = batchSize, FlushTimeout = TimeSpan.FromMinutes(10) });
        var timer = Stopwatch.StartNew();
        var writerCpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var record in viaWriter)
        {
            writer.TryWrite(record);
        }

        await writer.DisposeAsync();
        Report("PredictionLogWriter + store sink", uri, (int)writer.Written, batchSize, timer.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - writerCpu);
        if (writer.Written != count || writer.Dropped != 0)
        {
            throw new InvalidOperationException($"The writer wrote {writer.Written} and dropped {writer.Dropped} of {count} records.");
        }
    }

    // CPU time (all threads of the process, the database's own work included for SQLite) beside wall time, because on a
    // shared machine the wall clock also counts the time other processes held the cores.
    private static void Report(string what, string uri, int count, int batchSize, TimeSpan elapsed, TimeSpan cpu) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what,-34} {uri.Split(':')[0],-10} {count,9:N0} records, batches of {batchSize,6:N0}: {elapsed.TotalSeconds,6:F2} s wall = {count / elapsed.TotalSeconds,9:N0} records/s; {cpu.TotalSeconds,6:F2} s CPU = {count / cpu.TotalSeconds,9:N0} records per CPU second"));

    private static List<PredictionRecord> Make(int count, string model)
    {
        var start = DateTimeOffset.UtcNow;
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var time = start.AddTicks(i * 10L);
            var id = Guid.CreateVersion7(time).ToString("N");
            return new PredictionRecord
            {
                PredictionId = id,
                AnswerId = id,
                RequestId = Guid.NewGuid().ToString("N"),
                Time = time,
                Source = PredictionSources.Predict,
                Model = model,
                Version = 5,
                BundleHash = "3f1a9c0d4b7e2a6f8c5d1e0b9a7f3c2d4e6b8a0c1d3f5e7a9b2c4d6e8f0a1b3c",
                Variant = i % 10 == 0 ? "challenger" : "champion",
                Key = $$"""{"PassengerId":"{{892 + i}}"}""",
                Inputs = string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"PassengerId":{{892 + i}},"Pclass":{{1 + (i % 3)}},"Name":"***","Sex":"{{(i % 2 == 0 ? "male" : "female")}}","Age":{{random.Next(1, 80)}},"SibSp":{{i % 3}},"Parch":0,"Ticket":"***","Fare":{{random.NextDouble() * 100:F4}},"Cabin":null,"Embarked":"S"}"""),
                Prediction = i % 3 == 0 ? "1" : "0",
                Probability = random.NextDouble(),
                LatencyMs = 0.3 + random.NextDouble(),
            };
        })];
    }
}
