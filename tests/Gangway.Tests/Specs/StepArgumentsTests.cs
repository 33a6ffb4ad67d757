using Gangway.Features;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class StepArgumentsTests
{
    [Fact]
    public void GetString_Present_ReturnsItAndMissing_NamesStepAndArgument()
    {
        var args = Args(("to", "Title"));

        Assert.Equal("Title", args.GetString("to"));
        var ex = Assert.Throws<GangwayException>(() => args.GetString("from"));
        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("'step' needs argument 'from'.", ex.Message);
    }

    [Fact]
    public void GetString_ListOrNull_IsNotASingleValue()
    {
        var args = Args(("to", new List<object?> { "a", "b" }), ("from", null));

        Assert.Equal("'step' argument 'to' must be a single value; got '[a, b]'.", Assert.Throws<GangwayException>(() => args.GetString("to")).Message);
        Assert.Equal("'step' argument 'from' must be a single value; got 'null'.", Assert.Throws<GangwayException>(() => args.GetString("from")).Message);
    }

    [Fact]
    public void OptionalGetters_Absent_ReturnTheFallback()
    {
        var args = Args();

        Assert.Equal("x", args.GetString("s", "x"));
        Assert.Null(args.GetString("s", null));
        Assert.Equal(["a"], args.GetStrings("l", ["a"]));
        Assert.Equal(2.5, args.GetDouble("d", 2.5));
        Assert.Equal(3, args.GetInt("i", 3));
        Assert.True(args.GetBool("b", true));
        Assert.Equal("quantile", args.GetChoice("c", "quantile", ["quantile", "uniform"]));
        args.EnsureAllUsed();
    }

    [Fact]
    public void OptionalGetters_Present_ReadTheValueNotTheFallback()
    {
        var args = Args(("s", "y"), ("l", new List<object?> { "b", "c" }), ("d", "1e-3"), ("i", "-4"), ("b", "False"), ("c", "UNIFORM"));

        Assert.Equal("y", args.GetString("s", "x"));
        Assert.Equal(["b", "c"], args.GetStrings("l", ["a"]));
        Assert.Equal(0.001, args.GetDouble("d", 2.5));
        Assert.Equal(-4, args.GetInt("i", 3));
        Assert.False(args.GetBool("b", true));
        Assert.Equal("uniform", args.GetChoice("c", "quantile", ["quantile", "uniform"]));
        args.EnsureAllUsed();
    }

    [Fact]
    public void GetStrings_SingleString_IsAListOfOne()
    {
        Assert.Equal(["Sex"], Args(("columns", "Sex")).GetStrings("columns"));
    }

    [Fact]
    public void GetStrings_Map_IsRejected()
    {
        var args = Args(("columns", new Dictionary<string, object?> { ["a"] = "b" }));

        var ex = Assert.Throws<GangwayException>(() => args.GetStrings("columns"));

        Assert.StartsWith("'step' argument 'columns' must be a list of names; got", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("1e999")]
    public void GetDouble_NotAFiniteNumber_Throws(string value)
    {
        var ex = Assert.Throws<GangwayException>(() => Args(("rate", value)).GetDouble("rate"));

        Assert.Equal($"'step' argument 'rate' must be a finite number; got '{value}'.", ex.Message);
    }

    [Fact]
    public void GetDouble_UsesInvariantCulture()
    {
        Assert.Equal(0.05, Args(("rate", "0.05")).GetDouble("rate"));
        Assert.Throws<GangwayException>(() => Args(("rate", "0,05")).GetDouble("rate"));
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("ten")]
    [InlineData("99999999999")]
    public void GetInt_NotAWholeNumber_Throws(string value)
    {
        var ex = Assert.Throws<GangwayException>(() => Args(("bins", value)).GetInt("bins"));

        Assert.Equal($"'step' argument 'bins' must be a whole number; got '{value}'.", ex.Message);
    }

    [Fact]
    public void GetBool_NotTrueOrFalse_Throws()
    {
        Assert.True(Args(("flag", "true")).GetBool("flag"));
        var ex = Assert.Throws<GangwayException>(() => Args(("flag", "yes")).GetBool("flag"));

        Assert.Equal("'step' argument 'flag' must be true or false; got 'yes'.", ex.Message);
    }

    [Fact]
    public void GetChoice_AnyCase_ReturnsTheListedSpelling()
    {
        Assert.Equal("most_frequent", Args(("strategy", "Most_Frequent")).GetChoice("strategy", ["mean", "most_frequent"]));
    }

    [Fact]
    public void GetChoice_FirstListedChoice_IsAccepted()
    {
        Assert.Equal("mean", Args(("strategy", "mean")).GetChoice("strategy", ["mean", "median"]));
    }

    [Fact]
    public void GetChoice_NotListed_ErrorListsTheChoices()
    {
        var ex = Assert.Throws<GangwayException>(() => Args(("strategy", "mode")).GetChoice("strategy", ["mean", "median"]));

        Assert.Equal("'step' argument 'strategy' must be one of mean, median; got 'mode'.", ex.Message);
    }

    [Fact]
    public void GetChoice_RequiredAndAbsent_Throws()
    {
        var ex = Assert.Throws<GangwayException>(() => Args().GetChoice("strategy", ["mean", "median"]));

        Assert.Equal("'step' needs argument 'strategy'.", ex.Message);
    }

    [Fact]
    public void GetChoice_OptionalAndPresentButNotListed_Throws()
    {
        Assert.Throws<GangwayException>(() => Args(("unknown", "ignore")).GetChoice("unknown", "error", ["error", "all_zeros"]));
    }

    [Fact]
    public void EnsureAllUsed_MisspeltArgument_NamesItAndListsTheOnesRead()
    {
        var args = Args(("columns", "Age"), ("stratgy", "mean"));
        _ = args.GetStrings("columns");
        _ = args.GetString("strategy", null);

        var ex = Assert.Throws<GangwayException>(args.EnsureAllUsed);

        Assert.Equal(ErrorKind.InvalidConfiguration, ex.Kind);
        Assert.Equal("'step' does not take argument 'stratgy'. Arguments it takes: columns, strategy.", ex.Message);
    }

    [Fact]
    public void EnsureAllUsed_NothingRead_SaysNone()
    {
        var ex = Assert.Throws<GangwayException>(Args(("x", "1")).EnsureAllUsed);

        Assert.EndsWith("Arguments it takes: none.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_AndNames_ReflectTheGivenArguments()
    {
        var args = Args(("a", "1"), ("b", null));

        Assert.True(args.Has("a"));
        Assert.True(args.Has("b"));
        Assert.False(args.Has("c"));
        Assert.Equal(["a", "b"], args.Names.Order());
        Assert.Equal("step", args.Owner);
    }

    [Fact]
    public void GetMaps_ListOfMaps_OwnsEachAsIndexedArguments()
    {
        var args = Args(("parts", new List<object?> { Map(("name", "num")), Map(("columns", "Age")) }));

        var parts = args.GetMaps("parts");

        Assert.Equal(["step parts[0]", "step parts[1]"], parts.Select(p => p.Owner));
        Assert.Equal("num", parts[0].GetString("name"));
        Assert.Equal("'step parts[1]' needs argument 'name'.", Assert.Throws<GangwayException>(() => parts[1].GetString("name")).Message);
        args.EnsureAllUsed();
    }

    [Fact]
    public void GetMaps_SingleMap_IsAListOfOne()
    {
        var parts = Args(("parts", Map(("name", "only")))).GetMaps("parts");

        Assert.Equal("only", Assert.Single(parts).GetString("name"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("list of text")]
    public void GetMaps_NotMaps_Throws(string shape)
    {
        object value = shape == "text" ? "a" : new List<object?> { Map(("name", "n")), "b" };

        var ex = Assert.Throws<GangwayException>(() => Args(("parts", value)).GetMaps("parts"));

        Assert.Contains("'parts' must be a list of maps", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakeRemaining_HandsOverUnreadArgumentsWhichThenCountAsRead()
    {
        var args = Args(("step", "impute"), ("strategy", "median"), ("typo", "x"));
        _ = args.GetString("step");

        var nested = args.TakeRemaining("impute");

        args.EnsureAllUsed();
        Assert.Equal("impute", nested.Owner);
        Assert.Equal(["strategy", "typo"], nested.Names.Order());
        Assert.Equal("median", nested.GetString("strategy"));
        var ex = Assert.Throws<GangwayException>(nested.EnsureAllUsed);
        Assert.Equal("'impute' does not take argument 'typo'. Arguments it takes: strategy.", ex.Message);
    }

    [Fact]
    public void TakeRemaining_Defaults_AnswerForAbsentNamesOnly()
    {
        var defaults = new Dictionary<string, object?> { ["columns"] = new List<object?> { "Age", "Fare" }, ["strategy"] = "mean" };
        var args = Args(("strategy", "median"));

        var nested = args.TakeRemaining("impute", defaults);

        Assert.True(nested.Has("columns"));
        Assert.Equal(["Age", "Fare"], nested.GetStrings("columns"));
        Assert.Equal("median", nested.GetString("strategy"));
        Assert.DoesNotContain("columns", nested.Names);
        nested.EnsureAllUsed();
    }

    [Fact]
    public void TakeRemaining_UnreadDefault_IsNotUnknown()
    {
        var nested = Args().TakeRemaining("one_hot", new Dictionary<string, object?> { ["columns"] = "Sex" });

        nested.EnsureAllUsed();
        Assert.Empty(nested.Names);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("median")]
    [InlineData("most_frequent")]
    public void ImputeStep_EveryDocumentedStrategy_IsAccepted(string strategy)
    {
        var args = new StepArguments("impute", new Dictionary<string, object?> { ["columns"] = "Age", ["strategy"] = strategy });

        var estimator = Assert.IsType<ImputingEstimator>(GangwayCatalog.BuiltIn.FeatureSteps.Create("impute", args));

        Assert.Equal(strategy.Replace("_", "", StringComparison.Ordinal), estimator.Strategy.ToString(), ignoreCase: true);
    }

    private static StepArguments Args(params (string Name, object? Value)[] values) =>
        new("step", values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private static Dictionary<string, object?> Map(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
