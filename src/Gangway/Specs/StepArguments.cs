using System.Globalization;

namespace Gangway.Specs;

/// <summary>
/// The arguments of one step or learner as written in a spec file: a map of names to strings, lists or maps.
/// Getters convert with invariant culture and fail with messages that name the step, the argument and the value.
/// Call <see cref="EnsureAllUsed"/> after reading so a misspelt argument is an error rather than silently ignored.
/// </summary>
public sealed class StepArguments
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, object?> _defaults = new Dictionary<string, object?>();

    /// <summary>Creates arguments for the step called <paramref name="owner"/> (used in messages).</summary>
    /// <param name="owner">The step or learner name, e.g. <c>impute</c>.</param>
    /// <param name="values">Values: <see cref="string"/>, <see cref="IReadOnlyList{T}"/> of values, or nested dictionaries.</param>
    public StepArguments(string owner, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(values);
        Owner = owner;
        _values = values;
    }

    /// <summary>The step or learner these arguments belong to.</summary>
    public string Owner { get; }

    /// <summary>The argument names present.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Whether an argument is present.</summary>
    public bool Has(string name) => _values.ContainsKey(name) || _defaults.ContainsKey(name);

    /// <summary>A required string argument.</summary>
    public string GetString(string name) => AsString(name, Required(name));

    /// <summary>An optional string argument.</summary>
    public string? GetString(string name, string? fallback) => Asks(name) ? GetString(name) : fallback;

    /// <summary>A required list of strings; a single string counts as a list of one.</summary>
    public IReadOnlyList<string> GetStrings(string name)
    {
        var value = Required(name);
        return value switch
        {
            string s => [s],
            IEnumerable<object?> list => [.. list.Select(v => AsString(name, v))],
            _ => throw Invalid(name, value, "must be a list of names"),
        };
    }

    /// <summary>An optional list of strings.</summary>
    public IReadOnlyList<string> GetStrings(string name, IReadOnlyList<string> fallback) => Asks(name) ? GetStrings(name) : fallback;

    /// <summary>A required number.</summary>
    public double GetDouble(string name)
    {
        var value = Required(name);
        return double.TryParse(AsString(name, value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Invalid(name, value, "must be a finite number");
    }

    /// <summary>An optional number.</summary>
    public double GetDouble(string name, double fallback) => Asks(name) ? GetDouble(name) : fallback;

    /// <summary>A required whole number.</summary>
    public int GetInt(string name)
    {
        var value = Required(name);
        return int.TryParse(AsString(name, value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(name, value, "must be a whole number");
    }

    /// <summary>An optional whole number.</summary>
    public int GetInt(string name, int fallback) => Asks(name) ? GetInt(name) : fallback;

    /// <summary>A required boolean (<c>true</c>/<c>false</c>).</summary>
    public bool GetBool(string name)
    {
        var value = Required(name);
        return bool.TryParse(AsString(name, value), out var flag) ? flag : throw Invalid(name, value, "must be true or false");
    }

    /// <summary>An optional boolean.</summary>
    public bool GetBool(string name, bool fallback) => Asks(name) ? GetBool(name) : fallback;

    /// <summary>A required choice among <paramref name="allowed"/> (compared case-insensitively; returned as listed).</summary>
    /// <remarks>
    /// Both overloads take the choices as a list (<c>GetChoice("strategy", ["mean", "median"])</c>): with <c>params</c>,
    /// C# bound <c>GetChoice(name, "mean", "median")</c> to the optional overload, silently making the first choice a fallback.
    /// </remarks>
    public string GetChoice(string name, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var value = GetString(name);
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(name, value, $"must be one of {string.Join(", ", allowed)}");
    }

    /// <summary>An optional choice.</summary>
    public string GetChoice(string name, string fallback, IReadOnlyList<string> allowed) => Asks(name) ? GetChoice(name, allowed) : fallback;

    /// <summary>
    /// A required list of maps (e.g. the parts of a column transformer), each as arguments owned by
    /// <c>{Owner} {name}[i]</c>; a single map counts as a list of one.
    /// </summary>
    public IReadOnlyList<StepArguments> GetMaps(string name)
    {
        var value = Required(name);
        IEnumerable<object?> items = value switch
        {
            IReadOnlyDictionary<string, object?> map => [map],
            IEnumerable<object?> list => list,
            _ => throw Invalid(name, value, "must be a list of maps"),
        };
        var result = new List<StepArguments>();
        foreach (var item in items)
        {
            result.Add(item is IReadOnlyDictionary<string, object?> map
                ? new StepArguments($"{Owner} {name}[{result.Count}]", map)
                : throw Invalid(name, item, "must be a list of maps"));
        }

        return result;
    }

    /// <summary>
    /// The arguments no getter has read yet, handed to another owner (e.g. the nested step a <c>step</c> key names);
    /// here they count as read. <paramref name="defaults"/> answer for names that were not given and never count as unknown.
    /// </summary>
    public StepArguments TakeRemaining(string owner, IReadOnlyDictionary<string, object?>? defaults = null)
    {
        var remaining = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in _values)
        {
            if (_used.Add(name))
            {
                remaining[name] = value;
            }
        }

        return new StepArguments(owner, remaining, defaults ?? new Dictionary<string, object?>());
    }

    private StepArguments(string owner, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?> defaults)
        : this(owner, values)
    {
        _defaults = defaults;
    }

    /// <summary>Fails when an argument was given that no getter asked for, listing the ones getters asked for (given or not).</summary>
    /// <exception cref="GangwayException">An argument was not recognised.</exception>
    public void EnsureAllUsed()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            var known = _used.Count == 0 ? "none" : string.Join(", ", _used.Order(StringComparer.Ordinal));
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"'{Owner}' does not take argument '{unknown[0]}'. Arguments it takes: {known}.");
        }
    }

    /// <summary>The error for an argument that breaks its rule.</summary>
    public GangwayException Invalid(string name, object? value, string rule) =>
        new(ErrorKind.InvalidConfiguration, $"'{Owner}' argument '{name}' {rule}; got '{Describe(value)}'.");

    // Optional getters record the name even when it is absent, so a misspelling's error lists the real name.
    private bool Asks(string name)
    {
        _used.Add(name);
        return Has(name);
    }

    private object? Required(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) || _defaults.TryGetValue(name, out value)
            ? value
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"'{Owner}' needs argument '{name}'.");
    }

    private string AsString(string name, object? value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => throw Invalid(name, value, "must be a single value"),
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };
}
