using System.Runtime.CompilerServices;

namespace Gangway.Data;

/// <summary>
/// A column without a declared type: keeps both the text and the number of each value until it sees a value that is
/// not a finite number, and builds a numeric column if it never does.
/// </summary>
internal sealed class InferringBuilder(string name, int initialCapacity) : ColumnBuilder(name, initialCapacity)
{
    private string?[] _text = [];
    private double[] _numbers = [];
    private bool _numeric = true;
    private bool _pendingText;

    public StringPool Pool { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? TryStore(ReadOnlySpan<char> field)
    {
        _text = Ensure(_text);
        _text[Count] = field.IsEmpty ? null : Pool.Get(field);
        if (_numeric)
        {
            _numbers = Ensure(_numbers);
            _pendingText = ParseNumber(field, out _numbers[Count]) is not null;
        }

        return null;
    }

    public override void Commit()
    {
        _numeric &= !_pendingText;
        base.Commit();
    }

    /// <summary>A builder of the type this one settled on, for the chunks after the first.</summary>
    public ColumnBuilder Fixed(ColumnType type) =>
        type == ColumnType.Numeric ? new NumericBuilder(Name, InitialCapacity) : new TextBuilder(Name, InitialCapacity, Pool);

    protected override Column Create(int count)
    {
        Column column = _numeric
            ? new NumericColumn(Name, Trim(_numbers, count))
            : new TextColumn(Name, Trim(_text, count));
        _text = [];
        _numbers = [];
        return column;
    }
}
