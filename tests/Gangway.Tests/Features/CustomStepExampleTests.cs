using Gangway.Data;
using Gangway.Features;
using Gangway.Pipelines;
using Gangway.Specs;
using Gangway.Tests.Pipelines;

namespace Gangway.Tests.Features;

// ---- docs/custom-steps.md example: begin ----
/// <summary>Scales a numeric column to [0, 1] with the min and max learned at fit (like scikit-learn's MinMaxScaler).</summary>
public sealed class MinMaxScalingEstimator(string column) : IEstimator<MinMaxScalingTransformer>
{
    public MinMaxScalingTransformer Fit(Table data)
    {
        data.RequireRows($"fit '{MinMaxScalingTransformer.KindName}'");
        var values = data.GetNumeric(column).Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
        return values.Length > 0
            ? new MinMaxScalingTransformer(column, values.Min(), values.Max())
            : throw new GangwayException(ErrorKind.InvalidInput, $"Column '{column}' has no values to learn the range from.");
    }
}

public sealed class MinMaxScalingTransformer(string column, double min, double max) : ITransformer
{
    public const string KindName = "example_min_max";

    public double Min => min;

    public double Max => max;

    public string Kind => KindName;

    public Table Transform(Table data)
    {
        var source = data.GetNumeric(column).Values;
        var scaled = new double[source.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (source[i] - min) / (max > min ? max - min : 1);
        }

        return data.With(new NumericColumn(column, scaled));
    }

    public void Save(TransformerWriter writer)
    {
        writer.State["column"] = column;
        writer.State["min"] = min;
        writer.State["max"] = max;
    }

    public static MinMaxScalingTransformer Load(TransformerReader reader) =>
        new(reader.GetString("column"), reader.GetDouble("min"), reader.GetDouble("max"));
}

public static class MinMaxScalingStep
{
    /// <summary>Adds the step to the catalog a host builds at start-up: its spec binder and its loader, in one call.</summary>
    public static GangwayCatalogBuilder AddMinMaxScaling(this GangwayCatalogBuilder catalog) => catalog.AddFeatureStep(
        "min_max_scale",
        args => new MinMaxScalingEstimator(args.GetString("column")),
        MinMaxScalingTransformer.KindName,
        MinMaxScalingTransformer.Load);
}
// ---- docs/custom-steps.md example: end ----

public sealed class CustomStepExampleTests
{
    private static readonly Table Data = new(new NumericColumn("Fare", [10, 30, double.NaN, 20]), new TextColumn("Sex", ["male", "female", "male", "female"]));

    private static readonly GangwayCatalog Catalog = GangwayCatalog.CreateBuilder().AddMinMaxScaling().Build();

    [Fact]
    public void Example_AddedOnce_IsBothASpecStepAndALoadableKindOfThatCatalogOnly()
    {
        Assert.Contains("min_max_scale", Catalog.FeatureSteps.StepNames);
        Assert.Contains(MinMaxScalingTransformer.KindName, Catalog.Transformers.Kinds);
        Assert.DoesNotContain("min_max_scale", GangwayCatalog.BuiltIn.FeatureSteps.StepNames);
        Assert.DoesNotContain(MinMaxScalingTransformer.KindName, GangwayCatalog.BuiltIn.Transformers.Kinds);
    }

    [Fact]
    public void Example_MisspeltArgument_IsRejectedByTheCatalog()
    {
        var args = new StepArguments("min_max_scale", new Dictionary<string, object?> { ["column"] = "Fare", ["colum"] = "Age" });

        var ex = Assert.Throws<GangwayException>(() => Catalog.FeatureSteps.Create("min_max_scale", args));

        Assert.Contains("'colum'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_FitsSavesAndLoadsThroughTheCatalog()
    {
        var fitted = new PipelineEstimator(new MinMaxScalingEstimator("Fare"), new OneHotEncodingEstimator(["Sex"])).Fit(Data);
        var entries = SavedModel.From(fitted).ToEntries();

        var loaded = SavedModel.FromEntries(entries).Load(Catalog);

        var scaler = Assert.IsType<MinMaxScalingTransformer>(((PipelineTransformer)loaded).Steps[0]);
        Assert.Equal((10.0, 30.0), (scaler.Min, scaler.Max));
        var output = loaded.Transform(Data);
        Assert.Equal([0, 1, double.NaN, 0.5], output.GetNumeric("Fare").Values.ToArray());
        EstimatorConformanceTests.AssertSameTable(fitted.Transform(Data), output);
    }

    [Fact]
    public void Example_LoadWithCatalogWithoutIt_FailsNamingTheKind()
    {
        var entries = SavedModel.From(new MinMaxScalingEstimator("Fare").Fit(Data)).ToEntries();

        var ex = Assert.Throws<GangwayException>(() => SavedModel.FromEntries(entries).Load(GangwayCatalog.BuiltIn));

        Assert.Equal(ErrorKind.NotFound, ex.Kind);
        Assert.Contains("'example_min_max'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_IsUsableFromTheCatalogAlsoInsideColumnTransformer()
    {
        var direct = Catalog.FeatureSteps.Create("min_max_scale", new StepArguments("min_max_scale", new Dictionary<string, object?> { ["column"] = "Fare" }));
        var parts = new List<object?>
        {
            new Dictionary<string, object?>
            {
                ["name"] = "fares",
                ["columns"] = new List<object?> { "Fare" },
                ["steps"] = new List<object?> { new Dictionary<string, object?> { ["step"] = "min_max_scale", ["column"] = "Fare" } },
            },
        };
        var nested = Catalog.FeatureSteps.Create(
            "column_transformer",
            new StepArguments("column_transformer", new Dictionary<string, object?> { ["parts"] = parts }));

        Assert.Equal(0.5, direct.Fit(Data).Transform(Data).GetNumeric("Fare")[3]);
        Assert.Equal(0.5, nested.Fit(Data).Transform(Data).GetNumeric("Fare")[3]);
    }

    [Fact]
    public void Docs_ShowTheTestedExampleVerbatim()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "Gangway.Tests", "Features", "CustomStepExampleTests.cs"));
        var docs = File.ReadAllText(Path.Combine(root, "docs", "custom-steps.md"));
        var example = Between(source, "// ---- docs/custom-steps.md example: begin ----\n", "// ---- docs/custom-steps.md example: end ----");

        Assert.Contains(example, docs, StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gangway.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find Gangway.slnx above the test output folder.");
    }
}
