using System.Text;
using Gangway.Parsing;

namespace Gangway.Tests.Parsing;

public sealed class ParserSpecReaderTests : IDisposable
{
    private readonly ParserWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void ReadFile_EveryKey_IsRead()
    {
        var spec = _ws.ReadSpec("""
            description: A unit.
            encoding: ISO-8859-1
            delimiter: ";"
            quote: "'"
            decimal: ","
            thousands: "."
            trim: true
            columns: {Preis: Price, Art: Kind}
            values: {Kind: {x: a}, Flag: {ja: 1}}
            dates: {Day: dd.MM.yyyy}
            constants: {Unit: nordic}
            drop: [Junk]
            missing: [NA, "-"]
            """);

        Assert.Equal("unit", spec.Name);
        Assert.Null(spec.Type);
        Assert.Equal("parser.yaml", spec.Source);
        Assert.Equal(Path.Combine(_ws.Path, "contract.yaml"), spec.ContractPath);
        Assert.Equal(7, spec.Contract.Columns.Count);
        Assert.Equal("iso-8859-1", spec.Encoding);
        Assert.Equal((';', '\'', ',', '.'), (spec.Delimiter, spec.Quote, spec.DecimalSeparator, spec.ThousandsSeparator));
        Assert.True(spec.Trim);
        Assert.Equal("Price", spec.Columns["Preis"]);
        Assert.Equal("a", spec.Values["Kind"]["x"]);
        Assert.Equal("1", spec.Values["Flag"]["ja"]);
        Assert.Equal("dd.MM.yyyy", spec.Dates["Day"]);
        Assert.Equal("nordic", spec.Constants["Unit"]);
        Assert.Equal(["Junk"], spec.Drop);
        Assert.Equal(["NA", "-"], spec.Missing);
    }

    [Fact]
    public void ReadFile_OnlyNameAndContract_HasTheDocumentedDefaults()
    {
        var spec = _ws.ReadSpec("");

        Assert.Equal(("utf-8", ',', '"', '.'), (spec.Encoding, spec.Delimiter, spec.Quote, spec.DecimalSeparator));
        Assert.Null(spec.ThousandsSeparator);
        Assert.False(spec.Trim);
        Assert.Empty(spec.Columns);
        Assert.Empty(spec.Missing);
    }

    [Fact]
    public void ReadFile_Sha256_IsThatOfTheFileBytes()
    {
        var path = _ws.Spec("trim: true\n");

        Assert.Equal(Gangway.Bundles.Hashing.Sha256(File.ReadAllBytes(path)), ParserSpecReader.ReadFile(path).Sha256);
        Assert.Equal(ParserSpecReader.Sha256File(path), ParserSpecReader.ReadFile(path).Sha256);
    }

    [Fact]
    public void Parse_Sha256_IsThatOfTheUtf8Text()
    {
        const string text = "name: ü\ncontract: contract.yaml\n";

        Assert.Equal(Gangway.Bundles.Hashing.Sha256(Encoding.UTF8.GetBytes(text)), ParserSpecReader.Parse(text, "x", _ws.Path).Sha256);
    }

    [Theory]
    [InlineData("delimeter: ';'", "parser.yaml, 'delimeter' (line 3): is not a known key; known keys here: name, description, type")]
    [InlineData("columns: {Preis: Prize}", "parser.yaml, 'columns.Preis' (line 3): names 'Prize', which the contract does not declare; declared columns: Id, Name, Price")]
    [InlineData("columns: {A: Price, B: Price}", "parser.yaml, 'columns.B' (line 3): maps to 'Price', which 'A' already maps to")]
    [InlineData("decimal: ';'", "parser.yaml, 'decimal' (line 3): must be '.' or ','; got ';'")]
    [InlineData("delimiter: ';;'", "parser.yaml, 'delimiter' (line 3): must be a single character; got ';;'")]
    [InlineData("delimiter: '\"'", "parser.yaml, 'delimiter' (line 3): must differ from the quote")]
    [InlineData("decimal: ','\nthousands: ','", "parser.yaml, 'thousands' (line 4): must differ from the decimal separator ','")]
    [InlineData("encoding: utf-16", "parser.yaml, 'encoding' (line 3): must be one of utf-8, iso-8859-1, windows-1252; got 'utf-16'")]
    [InlineData("values: {Flag: {ja: yes}}", "parser.yaml, 'values.Flag.ja' (line 3): the contract column 'Flag' is numeric, so the value must be a number written with '.'; got 'yes'")]
    [InlineData("values: {Nope: {a: b}}", "parser.yaml, 'values.Nope' (line 3): names 'Nope', which the contract does not declare")]
    [InlineData("dates: {Price: dd.MM.yyyy}", "parser.yaml, 'dates.Price' (line 3): the contract column 'Price' is numeric")]
    [InlineData("dates: {Day: '%'}", "parser.yaml, 'dates.Day' (line 3): is not a valid .NET date format; got '%'")]
    [InlineData("constants: {Flag: x}", "parser.yaml, 'constants.Flag' (line 3): the contract column 'Flag' is numeric")]
    [InlineData("columns: {Preis: Price}\nconstants: {Price: 1}", "parser.yaml, 'constants.Price' (line 4): the contract column 'Price' is both a constant and mapped")]
    [InlineData("columns: {Preis: Price}\ndrop: [Preis]", "parser.yaml, 'drop[0]' (line 4): drops 'Preis', which 'columns' maps; keep one")]
    [InlineData("options: {a: 1}", "parser.yaml, 'options' (line 3): is only for code parsers")]
    [InlineData("trim: maybe", "parser.yaml, 'trim' (line 3): must be true or false; got 'maybe'")]
    public void ReadFile_InvalidSpec_NamesKeyLineAndRule(string yaml, string expected)
    {
        var ex = Assert.Throws<GangwayException>(() => _ws.ReadSpec(yaml));

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_NoName_IsAnError()
    {
        var path = Path.Combine(_ws.Path, "nameless.yaml");
        File.WriteAllText(path, "contract: contract.yaml\n");

        var ex = Assert.Throws<GangwayException>(() => ParserSpecReader.ReadFile(path));

        Assert.Equal("nameless.yaml: needs 'name'.", ex.Message);
    }

    [Fact]
    public void ReadFile_MissingContract_IsNotFoundNamingThePath()
    {
        var ex = Assert.Throws<GangwayException>(() => ParserSpecReader.Parse("name: x\ncontract: ../none.yaml\n", "p.yaml", _ws.Path));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("p.yaml, 'contract' (line 2): the contract file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("none.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingFile_IsNotFound()
    {
        var ex = Assert.Throws<GangwayException>(() => ParserSpecReader.ReadFile(Path.Combine(_ws.Path, "none.yaml")));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void ReadFile_TypeAndOptions_AreKeptForCodeParsers()
    {
        var spec = _ws.ReadSpec("type: fixed_width\noptions: {widths: [3, 5]}");

        Assert.Equal("fixed_width", spec.Type);
        Assert.Equal(new List<object?> { "3", "5" }, spec.Options["widths"]);
    }
}
