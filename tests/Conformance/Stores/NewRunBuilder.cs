using System.Text;
using Gangway.Stores;

namespace Gangway.Tests.Conformance.Stores;

/// <summary>Builds <see cref="NewRun"/> values for store tests: everything has a small default, each With* changes one thing.</summary>
public sealed class NewRunBuilder
{
    /// <summary>A fixed start time with milliseconds, so round trips can be compared exactly.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private readonly Dictionary<string, string> _params = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly List<RunArtifact> _artifacts = [];
    private string _experiment = "titanic";
    private string _name = "";
    private string? _parent;
    private RunStatus _status = RunStatus.Finished;
    private DateTimeOffset _startedAt = DefaultStart;
    private DateTimeOffset? _endedAt = DefaultStart.AddSeconds(2);
    private string? _lineage;

    /// <summary>A finished run of experiment <c>titanic</c> with nothing recorded.</summary>
    public static NewRunBuilder Run(string experiment = "titanic") => new() { _experiment = experiment };

    /// <summary>A finished run with a <c>model.gwb</c> artifact holding <paramref name="content"/>.</summary>
    public static NewRunBuilder WithModel(string content = "bundle bytes", string experiment = "titanic") =>
        Run(experiment).WithArtifact(RunArtifact.ModelBundle, content);

    public NewRunBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public NewRunBuilder ChildOf(string parentRunId)
    {
        _parent = parentRunId;
        return this;
    }

    public NewRunBuilder WithStatus(RunStatus status, DateTimeOffset? endedAt)
    {
        _status = status;
        _endedAt = endedAt;
        return this;
    }

    public NewRunBuilder StartedAt(DateTimeOffset startedAt)
    {
        _startedAt = startedAt;
        return this;
    }

    public NewRunBuilder WithParam(string name, string value)
    {
        _params[name] = value;
        return this;
    }

    public NewRunBuilder WithMetric(string name, double value)
    {
        _metrics[name] = value;
        return this;
    }

    public NewRunBuilder WithTag(string name, string value)
    {
        _tags[name] = value;
        return this;
    }

    public NewRunBuilder WithLineage(string json)
    {
        _lineage = json;
        return this;
    }

    public NewRunBuilder WithArtifact(string name, string content) => WithArtifact(name, Encoding.UTF8.GetBytes(content));

    public NewRunBuilder WithArtifact(string name, byte[] content)
    {
        _artifacts.Add(new RunArtifact(name, content));
        return this;
    }

    public NewRun Build() => new(
        _experiment, _name, _parent, _status, _startedAt, _endedAt,
        new Dictionary<string, string>(_params), new Dictionary<string, double>(_metrics), new Dictionary<string, string>(_tags),
        _lineage, [.. _artifacts]);
}
