using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>
/// Issue 14 §5, replicas agree: two real <c>gangway serve</c> processes on one PostgreSQL store behind a real nginx
/// (<see cref="TwoReplicas"/>). Everything goes through nginx, which names the replica that answered; the store is
/// read back with the CLI, as an operator would.
/// </summary>
public sealed class ReplicasTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    // The replicas re-read the deployment every second and write their logs in batches of 200 ms; the rest is for a busy CI machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [ReplicasFact]
    public async Task Predict_ThroughNginx_AnsweredByBothReplicas()
    {
        var answers = new List<Answer>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await PredictAsync(passengerId: 900 + i, customer: null));
        }

        Assert.Equal(replicas.Upstreams.Order(), answers.Select(a => a.Replica).Distinct().Order());
        Assert.All(answers, a => Assert.Matches("^[0-9a-f]{32}$", a.PredictionId));
        Assert.All(answers, a => Assert.StartsWith("titanic:", a.ModelHeader, StringComparison.Ordinal));
        Assert.Equal(answers.Count, answers.Select(a => a.PredictionId).Distinct().Count());
    }

    [ReplicasFact]
    public async Task DeployApply_ReachesBothReplicasWithinTheRefresh_AndEachCustomerGetsOneVariantFromEither()
    {
        var customers = Enumerable.Range(0, 40).Select(i => $"customer-{i}").ToList();
        replicas.Cli("deploy", "apply", replicas.WriteDeployment("fifty-fifty.yaml", champion: 50, challenger: 50), "--actor", "tests");

        // Until each replica has answered some customer with the challenger, which only the new deployment routes to.
        var clock = Stopwatch.StartNew();
        var switched = new HashSet<string>();
        for (var i = 0; switched.Count < 2; i++)
        {
            Assert.True(clock.Elapsed < Patience, $"After {Patience.TotalSeconds} s replicas {string.Join(", ", switched)} of {string.Join(", ", replicas.Upstreams)} answered with the challenger.\n{replicas.ReplicaErrors()}");
            var answer = await PredictAsync(passengerId: 1, customer: customers[i % customers.Count]);
            if (answer.Variant == "challenger")
            {
                switched.Add(answer.Replica);
            }
        }

        var answers = new List<Answer>();
        foreach (var customer in customers)
        {
            // Round-robin: two requests of each customer go to each replica.
            for (var i = 0; i < 4; i++)
            {
                answers.Add(await PredictAsync(passengerId: 2000 + i, customer));
            }
        }

        foreach (var customer in answers.GroupBy(a => a.Customer))
        {
            Assert.Equal(replicas.Upstreams.Order(), customer.Select(a => a.Replica).Distinct().Order());
            var variant = Assert.Single(customer.Select(a => a.Variant).Distinct());
            Assert.All(customer, a => Assert.EndsWith($" ({variant})", a.ModelHeader, StringComparison.Ordinal));
        }

        Assert.Equal(["challenger", "champion"], answers.Select(a => a.Variant).Distinct().Order());
    }

    [ReplicasFact]
    public async Task LogAndFeedbackFromBothReplicas_LandInOneStore_AndCountOnceInTheOnlineMetrics()
    {
        var since = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var answers = new List<Answer>();
        for (var i = 0; i < 24; i++)
        {
            answers.Add(await PredictAsync(passengerId: 3000 + i, customer: $"customer-{i}"));
        }

        Assert.Equal(replicas.Upstreams.Order(), answers.Select(a => a.Replica).Distinct().Order());

        var logged = await ExportUntilLoggedAsync(since, answers);
        var served = logged.Where(r => !r["is_shadow"]!.GetValue<bool>()).ToList();
        Assert.Equal(answers.Select(a => a.PredictionId).Order(), served.Select(r => r["prediction_id"]!.GetValue<string>()).Order());
        var variantOf = answers.ToDictionary(a => a.PredictionId, a => a.Variant);
        Assert.All(served, r => Assert.Equal(variantOf[r["prediction_id"]!.GetValue<string>()], r["variant"]?.GetValue<string>()));

        // Four requests of four outcomes: round-robin hands two to each replica.
        var labelled = answers.Take(16).ToList();
        var feedbackReplicas = new HashSet<string>();
        foreach (var chunk in labelled.Chunk(4))
        {
            var body = new JsonArray([.. chunk.Select(a => new JsonObject { ["prediction_id"] = a.PredictionId, ["label"] = a.PassengerId % 2 == 0 ? "1" : "0" })]);
            using var response = await replicas.Client.PostAsync(new Uri("feedback", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /feedback answered {(int)response.StatusCode}: {text}");
            Assert.Equal(chunk.Length, JsonNode.Parse(text)!["accepted"]!.GetValue<int>());
            feedbackReplicas.Add(Replica(response));
        }

        Assert.Equal(replicas.Upstreams.Order(), feedbackReplicas.Order());

        // Predictions are counted per whole minute (since rounded down to its minute), so they include what the other
        // tests logged earlier in that minute: the log since the minute's start says how many there are.
        var minuteStart = DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
        minuteStart = new DateTimeOffset(minuteStart.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var servedInMinute = (await ExportUntilLoggedAsync(minuteStart.ToString("O", CultureInfo.InvariantCulture), answers))
            .Where(r => !r["is_shadow"]!.GetValue<bool>()).Select(r => r["variant"]?.GetValue<string>()).ToList();
        var counts = Counts(JsonNode.Parse(replicas.Cli("monitor", "online", "titanic", "--since", since, "--json"))!);
        Assert.All(answers, a => Assert.Contains(a.Variant!, counts.Keys));
        // Every variant of the report, including one that answered nothing here: each prediction and label counted once.
        Assert.Equal(counts, counts.Keys.ToDictionary(v => v, v => (servedInMinute.Count(variant => variant == v), labelled.Count(a => a.Variant == v))));

        // Either replica's GET /monitoring/online reads the same store, so it gives the same numbers.
        var reportReplicas = new HashSet<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await replicas.Client.GetAsync(new Uri($"monitoring/online?since={Uri.EscapeDataString(since)}", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /monitoring/online answered {(int)response.StatusCode}: {text}");
            Assert.Equal(counts, Counts(JsonNode.Parse(text)!));
            reportReplicas.Add(Replica(response));
        }

        Assert.Equal(replicas.Upstreams.Order(), reportReplicas.Order());
    }

    // Predictions and labelled predictions per served variant of an online report.
    private static Dictionary<string, (int Predictions, int Labelled)> Counts(JsonNode report) =>
        report["variants"]!.AsArray()
            .Where(v => !v!["shadow"]!.GetValue<bool>())
            .ToDictionary(v => v!["variant"]!.GetValue<string>(), v => (v!["predictions"]!.GetValue<int>(), v["labelled"]!.GetValue<int>()));

    // The replicas write their logs off the request path, in batches: wait for every answered prediction to be stored.
    private async Task<List<JsonNode>> ExportUntilLoggedAsync(string since, IReadOnlyList<Answer> answers)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var file = replicas.Workspace[$"log-{attempt}.jsonl"];
            replicas.Cli("log", "export", "--model", "titanic", "--since", since, "--out", file);
            var records = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!).ToList();
            var ids = records.Select(r => r["prediction_id"]!.GetValue<string>()).ToHashSet();
            if (answers.All(a => ids.Contains(a.PredictionId)))
            {
                return records;
            }

            Assert.True(clock.Elapsed < Patience, $"After {Patience.TotalSeconds} s the log holds {answers.Count(a => ids.Contains(a.PredictionId))} of the {answers.Count} predictions answered.\n{replicas.ReplicaErrors()}");
            await Task.Delay(250);
        }
    }

    private async Task<Answer> PredictAsync(int passengerId, string? customer)
    {
        var record = $$"""[{"PassengerId": {{passengerId}}, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}]""";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("predict", UriKind.Relative))
        {
            Content = new StringContent(record, Encoding.UTF8, "application/json"),
        };
        if (customer is not null)
        {
            request.Headers.Add(TwoReplicas.CustomerHeader, customer);
        }

        using var response = await replicas.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /predict answered {(int)response.StatusCode}: {text}\n{replicas.ReplicaErrors()}");
        var prediction = JsonNode.Parse(text)!["predictions"]![0]!;
        var header = response.Headers.TryGetValues("X-Gangway-Model", out var model) ? string.Join(",", model) : "";
        return new Answer(passengerId, customer, Replica(response), prediction["prediction_id"]!.GetValue<string>(), prediction["variant"]?.GetValue<string>(), header);
    }

    private static string Replica(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Nginx.UpstreamHeader, out var upstream)
            ? Assert.Single(upstream)
            : throw new InvalidOperationException($"nginx did not add {Nginx.UpstreamHeader}.");

    private sealed record Answer(int PassengerId, string? Customer, string Replica, string PredictionId, string? Variant, string ModelHeader);
}
