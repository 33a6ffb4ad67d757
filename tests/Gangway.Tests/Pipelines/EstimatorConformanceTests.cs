using System.Collections;
using System.Globalization;
using System.Reflection;
using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Tests.Pipelines;

/// <summary>
/// The checks every estimator passes (scikit-learn's check_estimator), run over every <see cref="EstimatorCase"/>
/// of every <see cref="IEstimatorCaseSource"/> in this assembly.
/// </summary>
public sealed class EstimatorConformanceTests
{
    private const string ExtraColumn = "Conformance_Unrelated";

    private static readonly Lazy<Dictionary<string, EstimatorCase>> AllCases = new(DiscoverCases);

    public static TheoryData<string> CaseNames => [.. AllCases.Value.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Cases_AreDiscoveredAndCoverEveryFeatureAndPipelineEstimator()
    {
        var covered = AllCases.Value.Values.SelectMany(c => EstimatorTypes(c.Create())).ToHashSet();
        var expected = typeof(IEstimator).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IEstimator).IsAssignableFrom(t))
            .Where(t => t.Namespace is "Gangway.Features" or "Gangway.Pipelines" or "Gangway.Calibration");

        Assert.All(expected, type => Assert.Contains(type, covered));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fit_DoesNotMutateEstimatorAndRefitsToTheSameOutput(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var estimator = testCase.Create();
        var before = Snapshot(estimator);

        var first = estimator.Fit(testCase.TrainingData).Transform(testCase.TrainingData);
        var second = estimator.Fit(testCase.TrainingData).Transform(testCase.TrainingData);

        Assert.Equal(before, Snapshot(estimator));
        AssertSameTable(first, second);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fit_SameDataOnFreshEstimators_GivesIdenticalOutput(string caseName)
    {
        var testCase = AllCases.Value[caseName];

        var first = testCase.Create().Fit(testCase.TrainingData).Transform(testCase.TrainingData);
        var second = testCase.Create().Fit(testCase.TrainingData).Transform(testCase.TrainingData);

        AssertSameTable(first, second);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SaveLoad_RoundTrip_GivesIdenticalOutput(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var fitted = testCase.Create().Fit(testCase.TrainingData);

        var loaded = SavedModel.FromEntries(SavedModel.From(fitted).ToEntries()).Load();

        Assert.Equal(fitted.Kind, loaded.Kind);
        Assert.Equal(fitted.GetType(), loaded.GetType());
        AssertSameTable(fitted.Transform(testCase.TrainingData), loaded.Transform(testCase.TrainingData));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Load_StateRemoved_FailsWithClearMessage(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var fitted = testCase.Create().Fit(testCase.TrainingData);
        var model = SavedModel.FromEntries(SavedModel.From(fitted).ToEntries());
        model.Root.Remove("state");
        model.Root.Remove("children");

        var ex = Assert.Throws<GangwayException>(() => model.Load());

        Assert.Equal(ErrorKind.CorruptArtifact, ex.Kind);
        Assert.Contains($"Saved step '{fitted.Kind}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fit_RequiredColumnMissing_NamesColumnAndListsColumnsPresent(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var data = testCase.TrainingData.Without([testCase.RequiredColumn]);

        var ex = Assert.Throws<GangwayException>(() => testCase.Create().Fit(data));

        AssertMissingColumnMessage(testCase.RequiredColumn, ex);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Transform_RequiredColumnMissing_NamesColumnAndListsColumnsPresent(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var fitted = testCase.Create().Fit(testCase.TrainingData);
        var data = testCase.TrainingData.Without([testCase.RequiredColumn]);

        var ex = Assert.Throws<GangwayException>(() => fitted.Transform(data));

        AssertMissingColumnMessage(testCase.RequiredColumn, ex);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FitAndTransform_WrongType_NameTheColumn(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        if (testCase.WrongTypeReplacement is not { } replacement)
        {
            return; // The estimator accepts both types for this column.
        }

        var fitted = testCase.Create().Fit(testCase.TrainingData);
        var data = testCase.TrainingData.With(replacement);

        var onFit = Assert.Throws<GangwayException>(() => testCase.Create().Fit(data));
        var onTransform = Assert.Throws<GangwayException>(() => fitted.Transform(data));

        Assert.Contains($"'{testCase.RequiredColumn}'", onFit.Message, StringComparison.Ordinal);
        Assert.Contains($"'{testCase.RequiredColumn}'", onTransform.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fit_EmptyData_ThrowsClearError(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var empty = testCase.TrainingData.Take([]);

        var ex = Assert.Throws<GangwayException>(() => testCase.Create().Fit(empty));

        Assert.Contains("rows", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FitAndTransform_ExtraUnrelatedColumn_DoesNotChangeOutput(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var data = testCase.TrainingData;
        var extra = new NumericColumn(ExtraColumn, [.. Enumerable.Range(0, data.RowCount).Select(i => (double)(i * 7 % 5))]);
        var withExtra = data.With(extra);

        var expected = testCase.Create().Fit(data).Transform(data);
        var actual = testCase.Create().Fit(withExtra).Transform(withExtra);

        var kept = actual.Without([ExtraColumn]);
        AssertSameTable(expected, kept);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RowForm_OnDataWithMissingValuesAndUnknownCategories_EqualsTheTableFormBitForBit(string caseName)
    {
        var testCase = AllCases.Value[caseName];
        var fitted = testCase.Create().Fit(testCase.TrainingData);
        var data = RowTableParity.WithMissingAndUnknownRows(testCase.TrainingData);

        if (RowTableParity.Compare(fitted, data) is not { } parity)
        {
            return; // No row form: the server scores this model as a table, so there is nothing to compare.
        }

        Assert.True(parity.Differences.Count == 0, "The row form differs from the table form:\n" + string.Join('\n', parity.Differences));
        Assert.True(parity.Answered > 0, "The row form declined every row, so nothing was compared.");
    }

    /// <summary>Asserts two tables have the same column names, types and values (NaN equals NaN).</summary>
    internal static void AssertSameTable(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (var row = 0; row < column.Length; row++)
            {
                var same = column is NumericColumn numbers
                    ? numbers[row].Equals(((NumericColumn)other)[row])
                    : string.Equals(column.FormatValue(row), other.FormatValue(row), StringComparison.Ordinal);
                Assert.True(same, $"Column '{column.Name}' row {row}: expected {column.FormatValue(row) ?? "missing"}, got {other.FormatValue(row) ?? "missing"}.");
            }
        }
    }

    private static void AssertMissingColumnMessage(string column, GangwayException ex)
    {
        Assert.Contains($"'{column}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Columns present:", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, EstimatorCase> DiscoverCases()
    {
        var cases = new Dictionary<string, EstimatorCase>(StringComparer.Ordinal);
        var sources = typeof(EstimatorConformanceTests).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IEstimatorCaseSource).IsAssignableFrom(t));
        foreach (var type in sources)
        {
            var source = (IEstimatorCaseSource)Activator.CreateInstance(type)!;
            foreach (var testCase in source.Cases)
            {
                if (!cases.TryAdd(testCase.Name, testCase))
                {
                    throw new InvalidOperationException($"Two conformance cases are named '{testCase.Name}'.");
                }
            }
        }

        return cases;
    }

    private static IEnumerable<Type> EstimatorTypes(object estimator)
    {
        yield return estimator.GetType();
        foreach (var value in PublicValues(estimator).SelectMany(Flatten))
        {
            if (value is IEstimator nested)
            {
                foreach (var type in EstimatorTypes(nested))
                {
                    yield return type;
                }
            }
            else if (value is not null && value.GetType().GetProperty("Estimator")?.GetValue(value) is IEstimator part)
            {
                foreach (var type in EstimatorTypes(part))
                {
                    yield return type;
                }
            }
        }
    }

    private static IEnumerable<object?> Flatten(object? value) =>
        value is IEnumerable list and not string ? list.Cast<object?>() : [value];

    private static IEnumerable<object?> PublicValues(object target) =>
        target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(target));

    /// <summary>A text rendering of every public property, recursively, to detect mutation.</summary>
    private static string Snapshot(object? value, int depth = 0) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f when value.GetType().IsPrimitive || value is Enum or decimal => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ when depth > 8 => value.GetType().Name,
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>()
            .Select(k => $"{Snapshot(k, depth + 1)}: {Snapshot(dictionary[k], depth + 1)}")
            .Order(StringComparer.Ordinal)) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(v => Snapshot(v, depth + 1))) + "]",
        _ => value.GetType().Name + "(" + string.Join(", ", value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name}={Snapshot(p.GetValue(value), depth + 1)}")) + ")",
    };
}
