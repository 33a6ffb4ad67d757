using Gangway.Data;
using Gangway.Schema;
using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

public sealed class PersonalDataMaskTests
{
    private static readonly PersonalDataMask Mask = PersonalDataMask.Of(new DataSchema(
    [
        new ColumnSchema { Name = "Name", Type = SchemaType.Text, Pii = true },
        new ColumnSchema { Name = "Age", Type = SchemaType.Real },
    ]));

    [Fact]
    public void Hides_PersonalColumnOnly()
    {
        Assert.True(Mask.Hides("Name"));
        Assert.False(Mask.Hides("Age"));
        Assert.False(Mask.Hides(null));
        Assert.False(PersonalDataMask.Of(null).Hides("Name"));
    }

    [Fact]
    public void Record_HidesPersonalValues()
    {
        var table = new Table(new TextColumn("Name", ["Ann Smith"]), new NumericColumn("Age", [31]));

        var record = Mask.Record(table, 0);

        Assert.DoesNotContain("Ann Smith", record, StringComparison.Ordinal);
        Assert.Contains(PersonalDataMask.Hidden, record, StringComparison.Ordinal);
        Assert.Contains("31", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_AboutPersonalColumn_LosesTheValue()
    {
        Assert.Equal("Column 'Name': this row cannot be used; its value is personal data, hidden", Mask.Reason("Name", "Name 'Ann' is bad", "this row"));
        Assert.Equal("Age -1 is bad", Mask.Reason("Age", "Age -1 is bad", "this row"));
    }

    [Fact]
    public void Unread_WithPersonalColumns_DropsTheRecordAndHidesTheValue()
    {
        var error = new RowError(3, "Name", "'Ann' cannot be read", "Ann,31");

        var masked = Mask.Unread(error);

        Assert.Null(masked.RecordText);
        Assert.Equal(PersonalDataMask.UnreadableHidden, masked.Problem);
        Assert.Same(error, PersonalDataMask.None.Unread(error));
    }
}
