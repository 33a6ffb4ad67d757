using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Logging;
using Gangway.Server.Predict;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gangway.Server.Tests.Predict;

/// <summary>
/// One plain record is scored on the fast path (read straight into a row, scored by the model's RowScorer); its answer
/// must be exactly the one the general path gives the same record inside a batch, and every other body must be left to
/// the general path, which reports problems in full.
/// </summary>
public sealed class SingleRecordTests(TitanicService service) : IClassFixture<TitanicService>
{
    private const string Kelly = """{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}""";

    public static TheoryData<string> PlainRecords =>
    [
        "[" + Kelly + "]",
        Kelly,
        "\uFEFF \n [ \n" + Kelly + " ] \n",
        """{"Embarked": "S", "Fare": 71.2833, "Parch": 0, "SibSp": 1, "Age": 38, "Sex": "female", "Name": "Cumings, Mrs. John Bradley", "Pclass": 1, "PassengerId": 2}""",
        """{"P\u0061ssengerId": "7", "Pclass": "2", "Name": "Doe, Master. J", "Sex": "male", "Age": null, "SibSp": true, "Parch": false, "Fare": null, "Embarked": null}""",
        """{"PassengerId": 8, "Pclass": 1, "Name": "dup", "Name": "Smith, Dr. A", "Sex": "female", "Age": 1e1, "SibSp": 0, "Parch": 2, "Fare": 0, "Embarked": "C"}""",
        """{"PassengerId": 9, "Pclass": 3, "Name": "No comma at all", "Sex": "male", "SibSp": 0, "Parch": 0}""",
        Kelly.Replace("\"Embarked\"", "\"Favourite colour\"", StringComparison.Ordinal),
        "[" + Kelly.Replace("\"Sex\"", "\"Extra\": {\"a\": [1, {\"b\": \"Sex\"}]}, \"Ticket\": null, \"Sex\"", StringComparison.Ordinal) + "]",
        Kelly.Replace("\"PassengerId\": 892, ", "", StringComparison.Ordinal),
    ];

    public static TheoryData<string> OtherBodies =>
    [
        "[" + Kelly + "," + Kelly + "]",
        "[]",
        "[1]",
        "{}",
        Kelly.Replace("\"Embarked\": \"Q\"", "\"Embarked\": [\"Q\"]", StringComparison.Ordinal),
        Kelly.Replace("\"Embarked\": \"Q\"", "\"Embarked\": {\"port\": \"Q\"}", StringComparison.Ordinal),
        Kelly.Replace("\"Pclass\"", "\"pclass\"", StringComparison.Ordinal),
        Kelly.Replace("34.5", "\"old\"", StringComparison.Ordinal),
        Kelly.Replace("34.5", "1e400", StringComparison.Ordinal),
        Kelly.Replace("\"Pclass\": 3", "\"Pclass\": 7", StringComparison.Ordinal),
        Kelly.Replace("\"male\"", "\"unknown\"", StringComparison.Ordinal),
        Kelly.Replace("Kelly, Mr. James", new string('x', 10_001), StringComparison.Ordinal),
        Kelly + " x",
        "[" + Kelly + "] ]",
        "[" + Kelly,
        "/* a comment */ " + Kelly,
        """{"columns": ["PassengerId"], "data": [[1]]}""",
        """{"PassengerId": {"0": 892}, "Pclass": {"0": 3}}""",
        Kelly.Replace("\"Sex\"", "\"columns\": [\"Sex\"], \"Sex\"", StringComparison.Ordinal),
        Kelly.Replace("\"PassengerId\": 892", "\"PassengerId\": null", StringComparison.Ordinal),
        Kelly.Replace("\"PassengerId\": 892", "\"PassengerId\": 0", StringComparison.Ordinal),
    ];

    [Fact]
    public async Task Predict_EveryPredictCsvRowAlone_TakesTheFastPathAndAnswersAsInTheBatch()
    {
        var table = service.PredictRows(418);
        var records = PredictApiTests.Records(table);
        var batch = await PredictionsOf(records.ToJsonString());

        for (var row = 0; row < table.RowCount; row++)
        {
            var body = "[" + records[row]!.ToJsonString() + "]";
            Assert.True(TryPredictOne(body) is not null, $"row {row} was not scored on the fast path: {body}");
            var single = await PredictionsOf(body);
            Assert.Equal(batch[row]!.ToJsonString(), Assert.Single(single)!.ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(PlainRecords))]
    public async Task Predict_PlainRecord_TakesTheFastPathAndAnswersAsInABatch(string body)
    {
        var record = body.Trim('\uFEFF', ' ', '\n', '[', ']');
        var batch = await PredictionsOf("[" + record + "," + Kelly + "]");

        Assert.NotNull(TryPredictOne(body));
        Assert.Equal(batch[0]!.ToJsonString(), Assert.Single(await PredictionsOf(body))!.ToJsonString());
    }

    [Fact]
    public async Task Predict_OneRecordWithoutItsId_IsScoredOnTheFastPathWithoutAnIdField()
    {
        var body = Kelly.Replace("\"PassengerId\": 892, ", "", StringComparison.Ordinal);
        var withId = Assert.Single(await PredictionsOf(Kelly))!.AsObject();

        Assert.NotNull(TryPredictOne(body));
        var answer = Assert.Single(await PredictionsOf(body))!.AsObject();

        Assert.False(answer.ContainsKey("PassengerId"), answer.ToJsonString());
        Assert.Equal(withId["probability"]!.GetValue<double>(), answer["probability"]!.GetValue<double>());
    }

    [Theory]
    [MemberData(nameof(OtherBodies))]
    public void TryPredictOne_AnythingButOnePlainValidRecord_IsLeftToTheGeneralPath(string body)
    {
        Assert.Null(TryPredictOne(body));
    }

    [Theory]
    [MemberData(nameof(OtherBodies))]
    public async Task Predict_BodyLeftToTheGeneralPath_IsAnsweredAsTheGeneralPathAlone(string body)
    {
        var served = Served();
        var expected = GeneralAnswer(body, served);

        using var response = await Post(body);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    public static TheoryData<string> RefusedRecords =>
    [
        Kelly.Replace("\"Pclass\": 3", "\"Pclass\": 7", StringComparison.Ordinal),
        Kelly.Replace("\"male\"", "\"unknown\"", StringComparison.Ordinal),
        Kelly.Replace("\"PassengerId\": 892", "\"PassengerId\": null", StringComparison.Ordinal),
        "[" + Kelly.Replace("\"PassengerId\": 892", "\"PassengerId\": 0", StringComparison.Ordinal) + "]",
        Kelly.Replace("\"PassengerId\": 892, ", "", StringComparison.Ordinal).Replace("\"Pclass\": 3", "\"Pclass\": 0", StringComparison.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(RefusedRecords))]
    public void Predict_OneRecordTheScorerRefuses_IsReadOnceAndReportedAsTheGeneralReaderWould(string body)
    {
        var served = Served();
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.Null(Predictor.TryPredictOne(bytes, served, new ServerOptions(), DateTimeOffset.UtcNow, out var refused));
        Assert.NotNull(refused);
        var (response, errors) = Predictor.Predict(bytes, csv: false, served, new ServerOptions(), DateTimeOffset.UtcNow);
        var (_, general) = Predictor.Predict(RecordRequest.Read(bytes, csv: false, served, new ServerOptions()), served, DateTimeOffset.UtcNow);

        Assert.Null(response);
        Assert.NotEmpty(errors);
        Assert.Equal(general, errors);
    }

    [Fact]
    public async Task Predict_ManyConcurrentSingleRecords_EachGetsItsOwnAnswer()
    {
        var table = service.PredictRows(60);
        var records = PredictApiTests.Records(table);
        var batch = await PredictionsOf(records.ToJsonString());

        var answers = await Task.WhenAll(Enumerable.Range(0, 600).Select(async i =>
            (Row: i % 60, Answer: Assert.Single(await PredictionsOf("[" + records[i % 60]!.ToJsonString() + "]"))!.ToJsonString())));

        Assert.All(answers, a => Assert.Equal(batch[a.Row]!.ToJsonString(), a.Answer));
    }

    [Fact]
    public void Host_AspNetCoresOwnRequestLog_IsOffSoNoActivityIsStartedPerRequest()
    {
        var logs = service.Factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(logs.CreateLogger(typeof(RequestLogging).FullName!).IsEnabled(LogLevel.Information));
    }

    private PredictionsResult? TryPredictOne(string body) =>
        Predictor.TryPredictOne(Encoding.UTF8.GetBytes(body), Served(), new ServerOptions(), DateTimeOffset.UtcNow, out _);

    // What the general reader alone answers: 400 when it rejects the body, 422 for invalid records, else 200.
    private static int GeneralAnswer(string body, Served served)
    {
        try
        {
            var (response, _) = Predictor.Predict(RecordRequest.Read(Encoding.UTF8.GetBytes(body), csv: false, served, new ServerOptions()), served, DateTimeOffset.UtcNow);
            return response is null ? 422 : 200;
        }
        catch (GangwayException ex)
        {
            return ProblemMap.StatusOf(ex.Kind);
        }
    }

    private async Task<JsonArray> PredictionsOf(string body)
    {
        using var response = await Post(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var predictions = JsonNode.Parse(text)!["predictions"]!.AsArray();
        foreach (var prediction in predictions)
        {
            // Every answer gets ids of its own; the rest of a record is compared between the paths.
            Assert.Matches("^[0-9a-f]{32}$", prediction!["prediction_id"]!.GetValue<string>());
            prediction.AsObject().Remove("prediction_id");
        }

        return predictions;
    }

    private Task<HttpResponseMessage> Post(string body) =>
        service.Client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private Served Served() => service.Factory.Services.GetRequiredService<LoadedModel>().Current;
}
