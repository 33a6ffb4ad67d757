using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>
/// While a pipeline is compiled for single rows: which slot of <see cref="RowValues"/> holds each column a step would see
/// in the table at that point. A step's output always gets a fresh slot, so no step overwrites what an earlier one (or
/// the request) wrote.
/// </summary>
internal sealed class RowLayout
{
    private readonly Dictionary<string, (int Slot, ColumnType Type)> _columns = new(StringComparer.Ordinal);
    private readonly HashSet<int> _handled = [];

    public RowLayout(IEnumerable<(string Name, ColumnType Type)> inputs)
    {
        foreach (var (name, type) in inputs)
        {
            _columns.Add(name, (SlotCount++, type));
        }
    }

    /// <summary>The number of slots handed out so far.</summary>
    public int SlotCount { get; private set; }

    /// <summary>The names of the columns present, in no particular order.</summary>
    public IEnumerable<string> Names => _columns.Keys;

    public bool Contains(string name) => _columns.ContainsKey(name);

    /// <summary>
    /// The slots some step (or the learner) asked for with <see cref="TryGet"/> or took out with <see cref="Remove"/>:
    /// the columns the compiled row reads or deliberately drops.
    /// </summary>
    public IReadOnlySet<int> HandledSlots => _handled;

    /// <summary>The slot of column <paramref name="name"/> when it is present with type <paramref name="type"/>.</summary>
    public bool TryGet(string name, ColumnType type, out int slot)
    {
        if (_columns.TryGetValue(name, out var column) && column.Type == type)
        {
            slot = column.Slot;
            _handled.Add(slot);
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>Gives column <paramref name="name"/> a fresh slot, adding it or replacing the column of that name (as <see cref="Table.With"/> does).</summary>
    public int Put(string name, ColumnType type)
    {
        var slot = SlotCount++;
        _columns[name] = (slot, type);
        return slot;
    }

    public void Remove(string name)
    {
        if (_columns.Remove(name, out var column))
        {
            _handled.Add(column.Slot);
        }
    }
}
