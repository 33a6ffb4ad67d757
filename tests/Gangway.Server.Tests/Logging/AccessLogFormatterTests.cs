using System.Text;
using System.Text.Json;
using Gangway.Server.Logging;

namespace Gangway.Server.Tests.Logging;

public sealed class AccessLogFormatterTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 7, 9, 13, 12, 7, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(1.8745, "1.875")]
    [InlineData(2.0, "2")]
    [InlineData(0.05, "0.05")]
    [InlineData(0.0004, "0")]
    [InlineData(1234.5, "1234.5")]
    public void Text_Latency_HasUpToThreeDecimalsAndTheTimeIsUtc(double elapsed, string written)
    {
        var line = Format(json: false, new AccessEntry(Time, "id-1", "GET", "/ping", 200, elapsed, null));

        Assert.Equal($"2026-12-07T07:13:12.007Z info: GET /ping 200 {written} ms request_id=id-1 model=- version=- registered=-\n", line);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("fake\nline=1")]
    [InlineData("quote\"d")]
    [InlineData("")]
    public void Text_ValueThatCouldSplitTheLine_IsQuotedAndReadsBack(string id)
    {
        var line = Format(json: false, new AccessEntry(Time, id, "GET", "/ping", 200, 1, null));

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var quoted = line[(line.IndexOf("request_id=", StringComparison.Ordinal) + "request_id=".Length)..line.IndexOf(" model=", StringComparison.Ordinal)];
        Assert.Equal(id, JsonSerializer.Deserialize<string>(quoted));
    }

    [Fact]
    public void Json_EveryValue_ReadsBackFromOneLine()
    {
        var line = Format(json: true, new AccessEntry(Time, "a\"b\\c\u0001", "POST", "/predict", 422, 12.25, null));

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var root = JsonDocument.Parse(line).RootElement;
        Assert.Equal("2026-12-07T07:13:12.007Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("a\"b\\c\u0001", root.GetProperty("request_id").GetString());
        Assert.Equal("POST", root.GetProperty("method").GetString());
        Assert.Equal("/predict", root.GetProperty("route").GetString());
        Assert.Equal(422, root.GetProperty("status").GetInt32());
        Assert.Equal(12.25, root.GetProperty("elapsed_ms").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("model").ValueKind);
    }

    private static string Format(bool json, AccessEntry entry)
    {
        var line = new StringBuilder();
        new AccessLogFormatter(json).Append(line, entry);
        return line.ToString();
    }
}
