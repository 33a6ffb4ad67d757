using System.Text;
using Gangway.Data;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Records;

/// <summary>An array of records is read without a JSON document; a single record object goes through the document. Both must agree.</summary>
public sealed class JsonRecordsTests(TitanicService service) : IClassFixture<TitanicService>
{
    private const string Kelly = """{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}""";

    public static TheoryData<string> Records =>
    [
        Kelly,
        """{"PassengerId": 1, "Pclass": "2", "Name": "A\u00e9, Mrs. B", "Sex": "female", "Age": null, "Fare": true, "Embarked": 7}""",
        """{"P\u0061ssengerId": 2, "pclass": 3, "Name": "x", "Sex": "male", "Age": "old", "Fare": {"a": [1, 2]}, "Embarked": ["S"]}""",
        """{"PassengerId": 3, "Pclass": 1e400, "Sex": "female", "Age": -0.0, "Fare": 12345678901234567890, "Favourite colour": "green", "Parch": false}""",
        "{\"" + new string('x', 300) + "\": 1, \"PassengerId\": 4, \"Name\": \"dup\", \"Name\": \"last wins\"}",
        "{}",
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void Read_ArrayOfOneRecord_EqualsTheSingleRecordObject(string record)
    {
        var served = Served();

        var fromArray = JsonRecords.Read(Encoding.UTF8.GetBytes("\uFEFF \n[" + record + "]"), served, new ServerOptions());
        var fromObject = JsonRecords.Read(Encoding.UTF8.GetBytes(record), served, new ServerOptions());

        Assert.Equal(Describe(fromObject), Describe(fromArray));
    }

    [Fact]
    public void Read_ArrayOfRecords_KeepsTheirOrderAndValues()
    {
        var second = Kelly.Replace("892", "893", StringComparison.Ordinal).Replace("34.5", "47", StringComparison.Ordinal);

        var batch = JsonRecords.Read(Encoding.UTF8.GetBytes($"[{Kelly},{second}]"), Served(), new ServerOptions());

        Assert.Empty(batch.Errors);
        Assert.Equal([892.0, 893.0], batch.Table.GetNumeric("PassengerId").Values.ToArray());
        Assert.Equal([34.5, 47.0], batch.Table.GetNumeric("Age").Values.ToArray());
        Assert.Equal("Kelly, Mr. James", batch.Table.GetText("Name")[1]);
    }

    [Theory]
    [InlineData("[{\"Age\": 1}] x", "invalid after a single JSON value")]
    [InlineData("[{\"Age\": 1}, 3]", "Record 1 is not a JSON object (it is a number)")]
    [InlineData("[{\"Age\": 1},", "The body is not valid JSON")]
    [InlineData("[{\"Age\": [[[[[[[[1]]]]]]]]}]", "at most 8 levels deep")]
    public void Read_BrokenArray_IsRejectedWithTheReason(string body, string reason)
    {
        var error = Assert.Throws<GangwayException>(() => JsonRecords.Read(Encoding.UTF8.GetBytes(body), Served(), new ServerOptions()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(400, ProblemMap.StatusOf(error.Kind));
    }

    private Served Served() => service.Factory.Services.GetRequiredService<LoadedModel>().Current;

    private static string Describe(RecordBatch batch)
    {
        var text = new StringBuilder();
        foreach (var column in batch.Table.Columns)
        {
            text.Append(column.Name).Append('=');
            for (var row = 0; row < batch.Table.RowCount; row++)
            {
                text.Append(column is NumericColumn n ? n[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : column.FormatValue(row) ?? "(null)").Append(';');
            }

            text.AppendLine();
        }

        foreach (var error in batch.Errors)
        {
            text.Append(error.Record).Append(' ').Append(error.Field).Append(' ').Append(error.Rule).Append(' ').Append(error.Value).Append(' ').AppendLine(error.Message);
        }

        return text.ToString();
    }
}
