namespace Gangway.Pipelines;

/// <summary>
/// The values of one row in the fixed slots a <see cref="Scoring.RowScorer"/> compiled: the model's input columns
/// first (slot i is input column i), then the columns its steps compute. A slot holds a number (NaN when missing) or
/// a text (null when missing). Not thread-safe: one request fills and scores one instance at a time.
/// </summary>
public sealed class RowValues
{
    private readonly double[] _numbers;
    private readonly string?[] _texts;
    private readonly bool[] _given;

    internal RowValues(int inputCount, int slotCount)
    {
        InputCount = inputCount;
        _numbers = new double[slotCount];
        _texts = new string?[slotCount];
        _given = new bool[inputCount];
        Clear();
    }

    /// <summary>The number of input columns (slots 0 to <c>InputCount - 1</c>).</summary>
    public int InputCount { get; }

    internal double[] Numbers => _numbers;

    internal string?[] Texts => _texts;

    /// <summary>Sets numeric input column <paramref name="input"/> (NaN for missing), marking it given.</summary>
    public void SetNumber(int input, double value)
    {
        _numbers[CheckedInput(input)] = value;
        _given[input] = true;
    }

    /// <summary>Sets text input column <paramref name="input"/> (null for missing), marking it given.</summary>
    public void SetText(int input, string? value)
    {
        _texts[CheckedInput(input)] = value;
        _given[input] = true;
    }

    /// <summary>
    /// Whether input column <paramref name="input"/> was set since the last <see cref="Clear"/>, even to a missing
    /// value: a record that lacks an id field is scored without the id, one that gives it null breaks its rules.
    /// </summary>
    public bool IsGiven(int input) => _given[CheckedInput(input)];

    /// <summary>The number in input column <paramref name="input"/> (NaN when missing or when the column is text).</summary>
    public double GetNumber(int input) => _numbers[CheckedInput(input)];

    /// <summary>The text in input column <paramref name="input"/> (null when missing or when the column is numeric).</summary>
    public string? GetText(int input) => _texts[CheckedInput(input)];

    /// <summary>Makes every value missing, ready for the next row.</summary>
    public void Clear()
    {
        Array.Fill(_numbers, double.NaN);
        Array.Clear(_texts);
        Array.Clear(_given);
    }

    private int CheckedInput(int input)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(input, InputCount);
        return input;
    }
}
