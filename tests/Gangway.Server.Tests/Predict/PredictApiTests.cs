using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Data;
using Gangway.Learners;

namespace Gangway.Server.Tests.Predict;

public sealed class PredictApiTests(TitanicService service) : IClassFixture<TitanicService>
{
    private const int Rows = 25;

    public static TheoryData<string> Formats => ["records", "object-per-record", "columns", "split", "csv"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Predict_EachBodyFormat_MatchesTransformOnTheSameRows(string format)
    {
        var rows = format == "object-per-record" ? 1 : Rows;
        var table = service.PredictRows(rows);
        var expected = service.Bundle.Model.Transform(table);

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), Body(format, table));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal(service.Bundle.Name, answer.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(12, answer.GetProperty("model").GetProperty("version").GetString()!.Length);
        var predictions = answer.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(rows, predictions.Length);
        var ids = table.GetNumeric("PassengerId");
        var probability = expected.GetNumeric(PredictionColumns.Probability);
        var prediction = expected.GetNumeric(PredictionColumns.Prediction);
        for (var row = 0; row < rows; row++)
        {
            Assert.Equal(ids[row], predictions[row].GetProperty("PassengerId").GetDouble());
            Assert.Equal(prediction[row], predictions[row].GetProperty("prediction").GetDouble());
            Assert.Equal(probability[row], predictions[row].GetProperty("probability").GetDouble());
        }
    }

    public static TheoryData<string> WithoutIdFormats => ["records", "columns", "split", "csv"];

    [Theory]
    [MemberData(nameof(WithoutIdFormats))]
    public async Task Predict_RecordsWithoutTheIdColumn_AreScoredAndAnswerWithoutAnIdField(string format)
    {
        var table = service.PredictRows(Rows);
        var expected = service.Bundle.Model.Transform(table).GetNumeric(PredictionColumns.Probability);
        var withoutIds = table.Select(table.ColumnNames.Where(n => n != "PassengerId").ToList());
        using var body = format == "csv" ? new StringContent(CsvOf(withoutIds), Encoding.UTF8, "text/csv") : Body(format, withoutIds);

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var predictions = JsonDocument.Parse(text).RootElement.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(Rows, predictions.Length);
        for (var row = 0; row < Rows; row++)
        {
            Assert.False(predictions[row].TryGetProperty("PassengerId", out _), predictions[row].ToString());
            Assert.Equal(expected[row], predictions[row].GetProperty("probability").GetDouble());
        }
    }

    [Fact]
    public async Task Predict_BatchWhereOneRecordLacksItsId_EchoesTheIdOfTheOthersOnly()
    {
        var records = Records(service.PredictRows(3));
        records[1]!.AsObject().Remove("PassengerId");

        using var response = await Post(records.ToJsonString(), "application/json");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var predictions = JsonDocument.Parse(text).RootElement.GetProperty("predictions");
        Assert.Equal(892, predictions[0].GetProperty("PassengerId").GetDouble());
        Assert.False(predictions[1].TryGetProperty("PassengerId", out _));
        Assert.Equal(894, predictions[2].GetProperty("PassengerId").GetDouble());
    }

    [Theory]
    [InlineData("null", "required")]
    [InlineData("0", "min")]
    public async Task Predict_IdGivenButBreakingItsRule_IsStillRejected(string id, string rule)
    {
        var records = Records(service.PredictRows(1));
        records[0]!["PassengerId"] = JsonNode.Parse(id);

        using var response = await Post(records.ToJsonString(), "application/json");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(ProblemAssertions.Errors(problem));
        Assert.Equal("PassengerId", error.GetProperty("field").GetString());
        Assert.Equal(rule, error.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Predict_RecordWithoutPersonalDataField_SaysTheValueIsMissingNotHidden()
    {
        var records = Records(service.PredictRows(1));
        records[0]!.AsObject().Remove("Name");

        using var response = await Post(records.ToJsonString(), "application/json");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(ProblemAssertions.Errors(problem));
        Assert.Equal("Column 'Name' must have a value; record 0 has no value.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Predict_NumbersAsStringsAndUnknownFields_AreConvertedAndIgnored()
    {
        var table = service.PredictRows(1);
        var expected = service.Bundle.Model.Transform(table).GetNumeric(PredictionColumns.Probability)[0];
        var records = Records(table);
        var record = records[0]!.AsObject();
        record["Age"] = record["Age"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture);
        record["Pclass"] = "3";
        record["Favourite colour"] = "green";

        using var response = await Post(records.ToJsonString(), "application/json");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, answer.GetProperty("predictions")[0].GetProperty("probability").GetDouble());
    }

    [Fact]
    public async Task Predict_EmptyArray_AnswersAnEmptyList()
    {
        using var response = await Post("[]", "application/json");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, answer.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task Predict_MixedBatch_Is422ListingEveryInvalidRecordWithFieldRuleAndValue()
    {
        var records = Records(service.PredictRows(4));
        records[1]!["Pclass"] = 7;
        records[3]!["Sex"] = null;
        records[3]!["Age"] = "old";

        using var response = await Post(records.ToJsonString(), "application/json");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = ProblemAssertions.Errors(problem);
        Assert.Equal([1, 3, 3], errors.Select(e => e.GetProperty("record").GetInt32()));
        var pclass = errors[0];
        Assert.Equal("Pclass", pclass.GetProperty("field").GetString());
        Assert.Equal("values", pclass.GetProperty("rule").GetString());
        Assert.Equal("7", pclass.GetProperty("value").GetString());
        Assert.Contains("record 1", pclass.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "Sex" && e.GetProperty("rule").GetString() == "required");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "Age" && e.GetProperty("rule").GetString() == "type" && e.GetProperty("value").GetString() == "'old'");
    }

    [Fact]
    public async Task Predict_PersonalDataBreakingARule_HidesTheValue()
    {
        var records = Records(service.PredictRows(1));
        records[0]!["Name"] = new string('x', 300) + ", Mr. Secret";

        using var response = await Post(records.ToJsonString(), "application/json");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(ProblemAssertions.Errors(problem));
        Assert.Equal("max_length", error.GetProperty("rule").GetString());
        Assert.DoesNotContain("Secret", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_FieldNameInTheWrongCase_SuggestsTheRightName()
    {
        var records = Records(service.PredictRows(1));
        records[0]!.AsObject().Remove("Pclass");
        records[0]!["pclass"] = 3;

        using var response = await Post(records.ToJsonString(), "application/json");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = ProblemAssertions.Errors(problem);
        Assert.Contains(errors, e => e.GetProperty("rule").GetString() == "name" && e.GetProperty("message").GetString()!.Contains("did you mean 'Pclass'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_BodyOverTheLimit_Is413()
    {
        using var factory = service.CreateFactory(new Dictionary<string, string?> { ["Gangway:MaxBodyBytes"] = "2048" });
        using var client = factory.CreateClient();
        var body = Records(service.PredictRows(40)).ToJsonString();

        using var response = await client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"Age\": ")]
    [InlineData("42")]
    [InlineData("[1, 2]")]
    public async Task Predict_UnreadableJson_Is400(string body)
    {
        using var response = await Post(body, "application/json");

        await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/predict", "application/x-www-form-urlencoded")]
    [InlineData("/predict", "text/plain")]
    [InlineData("/upsell", "application/xml")]
    public async Task Predict_WrongContentType_Is415NamingJsonAndCsv(string path, string contentType)
    {
        using var response = await service.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("Pclass=3", Encoding.UTF8, contentType));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal($"Send the records as application/json or text/csv; the request says '{contentType}; charset=utf-8'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Predict_PlusJsonContentType_IsReadAsJson()
    {
        using var response = await Post(Records(service.PredictRows(2)).ToJsonString(), "application/vnd.api+json");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Predict_SmallAnswer_IsSentWholeWithItsLength()
    {
        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), Body("records", service.PredictRows(3)));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Predict_LargeBatch_StreamsEveryRecordInOrder()
    {
        // More records than one buffered answer holds (1,024): the answer is written in pieces.
        var rows = service.PredictRows(Rows);
        var many = rows.Take([.. Enumerable.Range(0, 2_600).Select(i => i % Rows)]);
        var expected = service.Bundle.Model.Transform(many).GetNumeric(PredictionColumns.Probability);

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), Body("records", many));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var predictions = JsonDocument.Parse(text).RootElement.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(2_600, predictions.Length);
        for (var row = 0; row < predictions.Length; row++)
        {
            Assert.Equal(expected[row], predictions[row].GetProperty("probability").GetDouble());
        }
    }

    private Task<HttpResponseMessage> Post(string body, string mediaType) =>
        service.Client.PostAsync(new Uri("/predict", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

    internal static StringContent Body(string format, Table table) => format switch
    {
        "records" => Json(Records(table)),
        "object-per-record" => Json(Records(table)[0]!),
        "columns" => Json(ColumnsOrient(table)),
        "split" => Json(SplitOrient(table)),
        _ => new StringContent(Csv(table), Encoding.UTF8, "text/csv"),
    };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    internal static JsonArray Records(Table table) =>
        [.. Enumerable.Range(0, table.RowCount).Select(row =>
        {
            var record = new JsonObject();
            foreach (var column in table.Columns)
            {
                record[column.Name] = Value(column, row);
            }

            return (JsonNode)record;
        })];

    // pandas' default DataFrame.to_json(): {"column": {"index label": value}}.
    private static JsonObject ColumnsOrient(Table table)
    {
        var result = new JsonObject();
        foreach (var column in table.Columns)
        {
            var cells = new JsonObject();
            for (var row = 0; row < table.RowCount; row++)
            {
                cells[row.ToString(CultureInfo.InvariantCulture)] = Value(column, row);
            }

            result[column.Name] = cells;
        }

        return result;
    }

    private static JsonObject SplitOrient(Table table) => new()
    {
        ["columns"] = new JsonArray([.. table.ColumnNames.Select(n => (JsonNode)n)]),
        ["index"] = new JsonArray([.. Enumerable.Range(0, table.RowCount).Select(r => (JsonNode)r)]),
        ["data"] = new JsonArray([.. Enumerable.Range(0, table.RowCount).Select(row =>
            (JsonNode)new JsonArray([.. table.Columns.Select(c => Value(c, row))]))]),
    };

    private static string Csv(Table table)
    {
        var lines = File.ReadLines(TitanicService.TestFile("predict.csv")).Take(table.RowCount + 1);
        return string.Join('\n', lines) + "\n";
    }

    private static string CsvOf(Table table)
    {
        using var text = new StringWriter();
        CsvWriter.Write(table, text);
        return text.ToString();
    }

    private static JsonValue? Value(Column column, int row) => column switch
    {
        NumericColumn numbers => double.IsNaN(numbers[row]) ? null : JsonValue.Create(numbers[row]),
        TextColumn texts => texts[row] is { } text ? JsonValue.Create(text) : null,
        _ => null,
    };
}
