using Gangway.Schema;

namespace Gangway.Monitoring.Quality;

/// <summary>The running counts of one input field in <see cref="QualityCounters"/>; not thread-safe on its own.</summary>
internal sealed class FieldCounts
{
    public long Records { get; set; }

    public long Missing { get; set; }

    public long OutOfRange { get; set; }

    public long UnknownCategory { get; set; }

    public long NonFinite { get; set; }

    public void CountRule(ValidationRule rule)
    {
        if (rule is ValidationRule.Min or ValidationRule.Max)
        {
            OutOfRange++;
        }
        else if (rule == ValidationRule.AllowedValues)
        {
            UnknownCategory++;
        }
    }

    public void Add(FieldCounts other)
    {
        Records += other.Records;
        Missing += other.Missing;
        OutOfRange += other.OutOfRange;
        UnknownCategory += other.UnknownCategory;
        NonFinite += other.NonFinite;
    }
}
