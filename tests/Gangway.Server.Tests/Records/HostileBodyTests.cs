using System.Net;
using System.Text;

namespace Gangway.Server.Tests.Records;

/// <summary>Malformed and hostile bodies: never a 5xx, never internals in the answer, and the service keeps serving.</summary>
public sealed class HostileBodyTests(TitanicService service) : IClassFixture<TitanicService>
{
    public static TheoryData<string, string?> Bodies => new()
    {
        { "", "application/json" },
        { "[{\"Pclass\": 3, \"Sex\": \"male\"", "application/json" },
        { "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}", "application/json" },
        { new string('[', 100) + new string(']', 100), "application/json" },
        { "[{\"Name\": \"" + new string('a', 200_000) + "\"}]", "application/json" },
        { "[{\"Age\": \"NaN\", \"Fare\": \"Infinity\", \"Pclass\": \"-Infinity\"}]", "application/json" },
        { "[{\"Age\": NaN}]", "application/json" },
        { "[{\"Age\": 1e400, \"Pclass\": {\"x\": 1}, \"Sex\": [\"male\"], \"SibSp\": true}]", "application/json" },
        { "{\"columns\": [1, 2], \"data\": [[1, 2]]}", "application/json" },
        { "{\"columns\": [\"Pclass\"], \"data\": [[1, 2]]}", "application/json" },
        { "{\"columns\": [\"Pclass\"], \"data\": [3]}", "application/json" },
        { "{\"Pclass\": {\"0\": 3}, \"Sex\": {\"1\": \"male\"}}", "application/json" },
        { "\"just a string\"", "application/json" },
        { "null", "application/json" },
        { "\uFEFF[]", "application/json" },
        { "PassengerId,Pclass\n1,\"unterminated\n", "text/csv" },
        { "PassengerId,Pclass,Age\nx,y,z\n", "text/csv" },
        { "", "text/csv" },
        { ",,\n1,2,3\n", "text/csv" },
        { "[]", "text/plain" },
        { "[]", "application/xml" },
        { "[{}]", null },
    };

    public static TheoryData<string, string> InvalidUtf8Bodies => new()
    {
        { "/predict", "[{\"PassengerId\": 1, \"Pclass\": 3, \"Name\": \"\u00ff\", \"Sex\": \"male\", \"SibSp\": 0, \"Parch\": 0}]" },
        { "/predict", "{\"PassengerId\": 1, \"Pclass\": 3, \"Name\": \"a\", \"Sex\": \"male\", \"SibSp\": 0, \"Parch\": 0, \"\u00ff\": 1}" },
        { "/predict", "[{\"Name\": \"\u00ff\"}, {\"Name\": \"b\"}]" },
        { "/predict", "{\"Name\": {\"0\": \"\u00ff\"}}" },
        { "/upsell", "[{\"PassengerId\": 1, \"Pclass\": 3, \"Name\": \"\u00ff\", \"Sex\": \"male\", \"SibSp\": 0, \"Parch\": 0}]" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task Post_InvalidUtf8InsideTheJson_Is400NamingTheEncoding(string path, string body)
    {
        // U+00FF stands for the lone byte 0xFF, which no UTF-8 text contains.
        var bytes = Encoding.Latin1.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await service.Client.PostAsync(new Uri(path, UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("not valid UTF-8", text, StringComparison.Ordinal);
        ProblemAssertions.NoInternals(text);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Predict_HostileBody_IsAnsweredWithoutServerErrorOrInternals(string body, string? mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
        ProblemAssertions.NoInternals(text);
        if (response.IsSuccessStatusCode)
        {
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var ping = await service.Client.GetAsync(new Uri("/ping", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task Predict_DeepNesting_Is400NamingTheDepthLimit()
    {
        using var content = new StringContent(new string('[', 100) + new string(']', 100), Encoding.UTF8, "application/json");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("8 levels", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_HugeString_Is400NamingTheFieldAndLimit()
    {
        using var content = new StringContent("[{\"Name\": \"" + new string('a', 20_000) + "\"}]", Encoding.UTF8, "application/json");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("'Name'", detail, StringComparison.Ordinal);
        Assert.Contains("10000", detail, StringComparison.Ordinal);
    }
}
