using System.Net;
using System.Text;
using System.Text.Json;
using Gangway.PredictionLog;
using Gangway.Server.Tests.Monitoring;

namespace Gangway.Server.Tests.Feedback;

/// <summary><c>POST /feedback</c> on real Kestrel over a real SQLite store, with predictions logged in it.</summary>
public sealed class FeedbackApiTests(TwoModels models) : IClassFixture<TwoModels>
{
    private string Bundle => Path.Combine(models.Folder, "titanic.gwb");

    [Fact]
    public async Task Feedback_ByIdAndByKey_CountsAcceptedUnknownDuplicateAndLate()
    {
        var store = models.NewStore();
        var now = DateTimeOffset.UtcNow;
        var (byId, byKey, old) = (Logged(now), Logged(now, key: PredictionKey.Canonical("PassengerId", 892)), Logged(now.AddDays(-40)));
        await AppendAsync(store, byId, byKey, old);
        await using var app = await OnlineServer.StartAsync(Bundle, store);
        using var client = OnlineServer.Client(app, TwoModels.AdminKey);

        var answer = await PostAsync(client, $$"""
            [{"prediction_id": "{{byId.PredictionId}}", "label": "1"},
             {"key": {"PassengerId": 892}, "label": 0, "reward": 1.0},
             {"prediction_id": "{{Guid.CreateVersion7().ToString("N")}}", "label": "1"},
             {"prediction_id": "{{old.PredictionId}}", "label": "1"},
             {"prediction_id": "{{byId.PredictionId.ToUpperInvariant()}}", "label": true}]
            """, HttpStatusCode.OK);

        Assert.Equal((3, 1, 1, 1, 0), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("unknown").GetInt32(), answer.GetProperty("duplicate").GetInt32(), answer.GetProperty("late").GetInt32(), answer.GetProperty("errors").GetArrayLength()));
        await using var opened = await TwoModels.OpenAsync(store);
        var history = await opened.Feedback.HistoryAsync(byId.PredictionId, default);
        Assert.Equal(["1", "1"], history.Select(f => f.Label));
        Assert.All(history, f => Assert.Equal("api", f.Source));
        var keyed = Assert.Single(await opened.Feedback.HistoryAsync(byKey.PredictionId, default));
        Assert.Equal(("0", (double?)1.0), (keyed.Label, keyed.Reward));
        Assert.Empty(await opened.Feedback.HistoryAsync(old.PredictionId, default));
    }

    [Fact]
    public async Task Feedback_InvalidRecords_Answers400NamingEachRecordAndFieldAndRecordsNothing()
    {
        var store = models.NewStore();
        var logged = Logged(DateTimeOffset.UtcNow);
        await AppendAsync(store, logged);
        await using var app = await OnlineServer.StartAsync(Bundle, store);
        using var client = OnlineServer.Client(app, TwoModels.AdminKey);

        using var response = await client.PostAsync(new Uri("/feedback", UriKind.Relative), Json($$"""
            [{"prediction_id": "{{logged.PredictionId}}", "label": "1"},
             {"prediction_id": "xyz", "label": "1"},
             {"prediction_id": "{{logged.PredictionId}}", "label": "maybe"},
             {"prediction_id": "{{logged.PredictionId}}"},
             {"prediction_id": "{{logged.PredictionId}}", "reward": "lots", "colour": "red"}]
            """));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = ProblemAssertions.Errors(problem);
        Assert.Equal([(1, "prediction_id"), (2, "label"), (3, "label"), (4, "reward"), (4, "colour")], errors.Select(e => (e.GetProperty("record").GetInt32(), e.GetProperty("field").GetString()!)));
        Assert.StartsWith("4 feedback record(s) are invalid; nothing was recorded. record 1: field 'prediction_id' must be a prediction id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("record 2: field 'label' must be one of 0, 1 for model 'titanic'; it is 'maybe'.", errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var opened = await TwoModels.OpenAsync(store);
        Assert.Empty(await opened.Feedback.HistoryAsync(logged.PredictionId, default));
    }

    [Fact]
    public async Task Feedback_ApiKey_NeededWhenConfiguredOpenOtherwise()
    {
        var store = models.NewStore();
        var logged = Logged(DateTimeOffset.UtcNow);
        await AppendAsync(store, logged);
        var body = $$"""{"prediction_id": "{{logged.PredictionId}}", "label": "1"}""";
        await using (var guarded = await OnlineServer.StartAsync(Bundle, store))
        {
            using var without = OnlineServer.Client(guarded);
            using var wrong = OnlineServer.Client(guarded, "wrong-key-0123456789");
            await ProblemAssertions.ProblemAsync(await without.PostAsync(new Uri("/feedback", UriKind.Relative), Json(body)), HttpStatusCode.Unauthorized);
            await ProblemAssertions.ProblemAsync(await wrong.PostAsync(new Uri("/FEEDBACK", UriKind.Relative), Json(body)), HttpStatusCode.Unauthorized);
        }

        await using var open = await OnlineServer.StartAsync(Bundle, store, key: null);
        using var client = OnlineServer.Client(open);
        Assert.Equal(1, (await PostAsync(client, body, HttpStatusCode.OK)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Feedback_StoreUnreachable_Answers503Problem()
    {
        // A folder that cannot exist: its parent is a file. The prediction log is off, or the store would stop the start.
        await using var app = await OnlineServer.StartAsync(Bundle, "sqlite:" + Path.Combine(Bundle, "gangway.db"), predictionLog: "none");
        using var client = OnlineServer.Client(app, TwoModels.AdminKey);

        using var response = await client.PostAsync(new Uri("/feedback", UriKind.Relative), Json($$"""{"prediction_id": "{{Guid.CreateVersion7().ToString("N")}}", "label": "1"}"""));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.StartsWith("Feedback could not be recorded:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static PredictionRecord Logged(DateTimeOffset time, string? key = null)
    {
        var id = Guid.CreateVersion7(time).ToString("N");
        return new PredictionRecord
        {
            PredictionId = id,
            AnswerId = id,
            Time = time,
            Source = PredictionSources.Predict,
            Model = "titanic",
            BundleHash = new string('c', 64),
            Key = key,
            Inputs = "{}",
            Prediction = "1",
            Probability = 0.8,
        };
    }

    private static async Task AppendAsync(string store, params PredictionRecord[] records)
    {
        await using var opened = await TwoModels.OpenAsync(store);
        await opened.PredictionLog.AppendAsync(records, default);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> PostAsync(HttpClient client, string body, HttpStatusCode status)
    {
        using var response = await client.PostAsync(new Uri("/feedback", UriKind.Relative), Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
