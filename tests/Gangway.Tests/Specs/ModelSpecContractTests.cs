using Gangway.Data;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public sealed class ModelSpecContractTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gangway-spec-").FullName;

    public ModelSpecContractTests() => File.WriteAllText(Path.Combine(_directory, "c.schema.yaml"), """
        columns:
          Id: { type: integer, nullable: false }
          Label: { type: category, values: ["0", "1"] }
          Class: { type: category, values: ["1", "2", "3"] }
          Sex: { type: category, values: [male, female] }
          Age: { type: real, min: 0 }
        """);

    private ModelSpec Parse(string body) => ModelSpecReader.ReadFile(Write(body));

    private string Write(string body)
    {
        var path = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(path, "name: m\nschema: c.schema.yaml\ntarget: { column: Label, positive: \"1\" }\nlearner: { type: fast_tree }\n" + body);
        return path;
    }

    [Fact]
    public void ReadFile_WithSchema_ListedNamesTakeTheirTypesFromTheSchema()
    {
        var spec = Parse("ids: [Id]\ninputs: [Class, Sex]\n");

        Assert.Equal([new InputColumnSpec("Class", ColumnType.Numeric), new InputColumnSpec("Sex", ColumnType.Text)], spec.Inputs);
        Assert.Equal(ColumnType.Numeric, Assert.Single(spec.IdColumns).Type);
        Assert.NotNull(spec.Contract);
        Assert.Equal("c.schema.yaml", spec.ContractPath);
    }

    [Fact]
    public void ReadFile_WithSchemaAndNoInputs_UsesEverySchemaColumnButTargetAndIds()
    {
        var spec = Parse("ids: [Id]\n");

        Assert.Equal(["Class", "Sex", "Age"], spec.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void ReadFile_InputNotInTheSchema_ListsTheDeclaredColumns()
    {
        var ex = Assert.Throws<GangwayException>(() => Parse("inputs:\n  Fare: numeric\n"));

        Assert.Contains("column 'Fare' is not declared in the schema; declared columns: Id, Label, Class, Sex, Age", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_TypeDisagreeingWithTheSchema_IsAnError()
    {
        var ex = Assert.Throws<GangwayException>(() => Parse("inputs:\n  Sex: numeric\n"));

        Assert.Contains("column 'Sex' is numeric in the spec but category (text) in the schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingSchemaFile_IsNotFound()
    {
        File.Delete(Path.Combine(_directory, "c.schema.yaml"));

        var ex = Assert.Throws<GangwayException>(() => Parse("inputs: [Sex]\n"));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("c.schema.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesOnlyWithoutSchema_AsksForTypes()
    {
        var ex = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse("name: m\ntarget: { column: y, positive: a }\ninputs: [x]\nlearner: { type: fast_tree }\n"));

        Assert.Contains("without a 'schema' give each column a type", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
