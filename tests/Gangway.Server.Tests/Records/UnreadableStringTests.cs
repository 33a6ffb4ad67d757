using System.Net;
using System.Text;

namespace Gangway.Server.Tests.Records;

/// <summary>
/// A string escape that is not valid UTF-16 (<c>"\ud800"</c>) is valid JSON that System.Text.Json cannot turn into a
/// string: every shape and position is a 400 naming where it is, never a 500.
/// </summary>
public sealed class UnreadableStringTests(TitanicService service) : IClassFixture<TitanicService>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/predict", """{"PassengerId": 1, "Pclass": 3, "Name": "a\ud800", "Sex": "male", "SibSp": 0, "Parch": 0}""", "Field 'Name' of record 0" },
        { "/predict", """[{"Pclass": 3, "Sex": "male"}, {"Pclass": 3, "Sex": "\udc00x"}]""", "Field 'Sex' of record 1" },
        { "/predict", """[{"Pclass": 3, "Sex": "male", "Favourite": "\ud800\ud800"}]""", "Field 'Favourite' of record 0" },
        { "/predict", """[{"Pclass": 3, "Sex": "male"}, {"S\ud800ex": "male"}]""", "A field name in record 1 ('S\\ud800ex' as sent)" },
        { "/predict", """{"P\udfffclass": 3, "Sex": "male"}""", "A field name in record 0" },
        { "/predict", """{"columns": ["Pclass", "Sex"], "data": [[3, "\ud800"]]}""", "The value at $['data'][0][1]" },
        { "/predict", """{"columns": ["Pclass", "\ud800"], "data": [[3, "male"]]}""", "The value at $['columns'][1]" },
        { "/predict", """{"Sex": {"0": "male", "\ud801": "female"}}""", "A field name in the value at $['Sex']" },
        { "/predict", """[{"PassengerId": 1, "Pclass": 3, "Name": "a", "Sex": "male", "SibSp": 0, "Parch": 0, "Favourite": "\ud800"}]""", "Field 'Favourite' of record 0" },
        { "/upsell", """[{"PassengerId": 1, "Pclass": 3, "Name": "\ud800", "Sex": "male", "SibSp": 0, "Parch": 0}]""", "Field 'Name' of record 0" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_LoneSurrogateEscape_Is400NamingWhereItIs(string path, string body, string where)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await service.Client.PostAsync(new Uri(path, UriKind.Relative), content);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains(where, detail, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-16", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ValidSurrogatePairEscape_IsRead()
    {
        using var content = new StringContent("""[{"PassengerId": 1, "Pclass": 3, "Name": "\ud83d\ude00", "Sex": "male", "SibSp": 0, "Parch": 0}]""", Encoding.UTF8, "application/json");

        using var response = await service.Client.PostAsync(new Uri("/predict", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
