using System.Net;
using System.Text;

namespace Gangway.Server.Tests.Records;

/// <summary>A <c>text/csv</c> body whose first line names no input column is a 400 that says what was expected, not an empty 200.</summary>
public sealed class CsvRecordsTests(TitanicService service) : IClassFixture<TitanicService>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "892,3,\"Kelly, Mr. James\",male,34.5,1,0,7.8292,Q", "none of the model's input columns" },
        { "892,3,\"Kelly, Mr. James\",male,34.5,1,0,7.8292,Q\n893,3,\"Wilkes, Mrs. James\",female,47,1,0,7,S\n", "none of the model's input columns" },
        { "[{\"Pclass\": 3, \"Sex\": \"male\"}]", "is JSON; send JSON as application/json" },
        { "[{\"Pclass\": 3, \"Sex\": \"male\"}", "looks like JSON; send JSON as application/json" },
        { "\n{\"Pclass\": 3, \"Sex\": \"male\"}", "is JSON; send JSON as application/json" },
        { "pclass,sex\n3,male\n", "none of the model's input columns" },
        { "[{\"Pclass\":3,\"Sex\":\"male\"}]", "is JSON; send JSON as application/json" },
        { "{\"Sex\":\"male\",\"Pclass\":3}", "is JSON; send JSON as application/json" },
        { "{\"columns\":[\"Pclass\",\"Sex\"],\"data\":[[3,\"male\"]]}", "is JSON; send JSON as application/json" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Predict_CsvWithoutAnInputColumnInTheHeader_Is400SayingWhatWasExpected(string body, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/csv");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        Assert.Contains("the first line must be a header naming the model's input columns (PassengerId, Pclass", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Kelly", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_CsvHeaderOfOnlySpaces_Is400NotServerError()
    {
        // Found by RequestFuzzTests: a blank header name reached Column's argument check (500).
        using var content = new StringContent(" \n3\n", Encoding.UTF8, "text/csv");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("header column 1 has no name (only spaces)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_CsvHeaderOnly_AnswersNoPredictions()
    {
        using var content = new StringContent("PassengerId,Pclass,Name,Sex,Age,SibSp,Parch,Fare,Embarked\n", Encoding.UTF8, "text/csv");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
