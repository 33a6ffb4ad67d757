using System.Text;
using CsCheck;
using Gangway.Tests.Fuzzing;

namespace Gangway.Server.Tests.Fuzzing;

/// <summary>
/// Request bodies a client might send by mistake or on purpose: records, pandas' split/columns/records shapes with
/// hostile names and values (huge numbers, escapes that are not valid UTF-16, deep nesting), mutations of valid Titanic
/// bodies, CSV with quotes, CR, NUL and bad headers, and random bytes.
/// </summary>
internal static class HostileBodies
{
    private static readonly string[] Scalars =
    [
        "0", "-0", "3", "34.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "1.7976931348623157e308",
        "4.9e-324", "-1", "2.5E+3", "true", "false", "null", "\"male\"", "\"female\"", "\"S\"", "\"\"", "\"\\ud800\"",
        "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"a\\\"b\"", "\"\\\\\"", "\"😀\"", "\"NaN\"", "\"Infinity\"",
        "\"1e400\"", "\"3\"", "\" 3 \"", "\"Kelly, Mr. James\"", "\"" + new string('a', 10_001) + "\"",
    ];

    private static readonly string[] Names =
    [
        "PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked", "Survived", "pclass", "SEX",
        "P\\u0061ssengerId", "\\ud800", "S\\udc00ex", "", "columns", "data", "index", "0", "1", new string('n', 300), "Cabin",
    ];

    private static readonly string Kelly =
        """{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}""";

    private static readonly string[] ValidJson =
    [
        $"[{Kelly}, {Kelly}]",
        Kelly,
        """{"columns": ["PassengerId", "Pclass", "Sex", "Age", "SibSp", "Parch"], "index": [0, 1], "data": [[1, 3, "male", 22, 1, 0], [2, 1, "female", 38, 1, 0]]}""",
        """{"PassengerId": {"0": 1, "1": 2}, "Pclass": {"0": 3, "1": 1}, "Sex": {"0": "male", "1": "female"}, "SibSp": {"0": 0, "1": 1}, "Parch": {"0": 0, "1": 0}}""",
    ];

    private static readonly string ValidCsv =
        "PassengerId,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n892,3,\"Kelly, Mr. James\",male,34.5,0,0,330911,7.8292,,Q\n893,3,\"Wilkes, Mrs. James (Ellen Needs)\",female,47,1,0,363272,7,,S\n";

    private static readonly string?[] ContentTypes = ["application/json", "application/json", "text/csv", "text/csv", null, "application/x-pandas+json", "text/csv; charset=utf-8"];

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<T> OneOf<T>(params Gen<T>[] gens) => Gen.Int[0, gens.Length - 1].SelectMany(i => gens[i]);

    private static Gen<string> Name { get; } = Pick(Names).Select(n => $"\"{n}\"");

    /// <summary>A JSON value nested at most <paramref name="depth"/> levels, mostly scalars.</summary>
    private static Gen<string> Value(int depth)
    {
        var value = Pick(Scalars);
        for (var level = 0; level < depth; level++)
        {
            var inner = value;
            value = OneOf(
                Pick(Scalars), Pick(Scalars), Pick(Scalars), Pick(Scalars),
                inner.Array[0, 4].Select(items => $"[{string.Join(", ", items)}]"),
                Gen.Select(Name, inner, (n, v) => $"{n}: {v}").Array[0, 4].Select(fields => $"{{{string.Join(", ", fields)}}}"));
        }

        return value;
    }

    private static Gen<string> Record { get; } = Gen.Select(Name, Value(2), (n, v) => $"{n}: {v}").Array[0, 12].Select(f => $"{{{string.Join(", ", f)}}}");

    private static Gen<string> Split { get; } = Gen.Select(Name.Array[0, 6], Value(1).Array[0, 6].Array[0, 4], Gen.Bool, (columns, rows, index) =>
        $"{{\"columns\": [{string.Join(", ", columns)}],{(index ? " \"index\": [0, 1]," : "")} \"data\": [{string.Join(", ", rows.Select(r => $"[{string.Join(", ", r)}]"))}]}}");

    private static Gen<string> Columns { get; } = Gen.Select(Name, Gen.Select(Name, Value(1), (n, v) => $"{n}: {v}").Array[0, 3], (n, cells) => $"{n}: {{{string.Join(", ", cells)}}}")
        .Array[1, 6].Select(columns => $"{{{string.Join(", ", columns)}}}");

    private static Gen<string> Deep { get; } = Gen.Select(Gen.Int[1, 60], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"Age\": ", depth)) + "1" + new string('}', depth));

    /// <summary>Syntactically valid JSON in the accepted shapes (records, one record, split, columns), whatever its names and values.</summary>
    public static Gen<string> Json { get; } = OneOf(
        Record.Array[0, 5].Select(records => $"[{string.Join(", ", records)}]"),
        Record,
        Split,
        Columns);

    /// <summary>A body as text, in one of the shapes.</summary>
    public static Gen<string> Text { get; } = OneOf(
        Json,
        Json,
        Deep,
        Value(4),
        Pick(ValidJson).SelectMany(HostileText.Mutated),
        HostileText.Mutated(ValidCsv),
        HostileText.Soup(40));

    /// <summary>A body and its content type (null: none sent).</summary>
    public static Gen<(byte[] Body, string? ContentType)> Requests { get; } = Gen.Select(
        OneOf(Text.Select(Encoding.UTF8.GetBytes), Text.Select(Encoding.UTF8.GetBytes), Text.Select(Encoding.UTF8.GetBytes), HostileText.Bytes),
        Gen.Int[0, ContentTypes.Length - 1].Select(i => ContentTypes[i]),
        (body, type) => (body, type));

    public static string Show((byte[] Body, string? ContentType) request) =>
        $"{request.ContentType ?? "(no content type)"}: {Encoding.UTF8.GetString(request.Body)} [hex {Convert.ToHexString(request.Body.AsSpan(0, Math.Min(request.Body.Length, 200)))}]";
}
