using System.Text.Json;
using Gangway.Hosting;
using Gangway.Server.Hosting;
using Gangway.Stores;
using Microsoft.Extensions.Logging;

namespace Gangway.Server.Tests.Architecture;

/// <summary>Both hosts log through Gangway.Hosting: the same formats, the same levels for the same switches.</summary>
public sealed partial class HostLoggingTests
{
    [Theory]
    [InlineData(false, false, LogLevel.Information)]
    [InlineData(true, false, LogLevel.Debug)]
    [InlineData(false, true, LogLevel.Warning)]
    public void MinimumLevel_FollowsTheSwitches(bool verbose, bool quiet, LogLevel expected)
    {
        Assert.Equal(expected, HostLogging.MinimumLevel(verbose, quiet));
    }

    [Fact]
    public void ServiceSettings_GiveTheServiceTheCommandsFormatAndLevels()
    {
        Assert.Empty(HostLogging.ServiceSettings(null, verbose: false, quiet: false));
        Assert.Equal(
            [new(HostLogging.FormatKey, "json"), new("Logging:LogLevel:Default", "Warning")],
            HostLogging.ServiceSettings(LogFormats.Json, verbose: false, quiet: true));
        Assert.Equal(
            [new("Logging:LogLevel:Default", "Debug"), new("Logging:LogLevel:Microsoft.AspNetCore", "Debug")],
            HostLogging.ServiceSettings(null, verbose: true, quiet: false));
    }

    [Fact]
    public void ServiceFormatKey_IsTheOptionTheServiceBinds()
    {
        Assert.Equal($"{ServerOptions.Section}:{nameof(ServerOptions.LogFormat)}", HostLogging.FormatKey);
    }

    [Fact]
    public void LineLogging_Json_WritesOneObjectPerEventWithItsFields()
    {
        using var writer = new StringWriter();
        using (var factory = LineLogging.CreateFactory(writer, LogFormats.Json, LogLevel.Information))
        {
            var logger = factory.CreateLogger("gangway");
            Hidden(logger);
            Reloaded(logger, "titanic:5");
        }

        var line = Assert.Single(writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Warning", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("Model titanic:5 reloaded", json.RootElement.GetProperty("message").GetString());
        Assert.Equal("titanic:5", json.RootElement.GetProperty("Model").GetString());
    }

    [Fact]
    public void LineLogging_Text_WritesOneLabelledLinePerEvent()
    {
        using var writer = new StringWriter();
        using (var factory = LineLogging.CreateFactory(writer, LogFormats.Text, LogLevel.Debug))
        {
            var logger = factory.CreateLogger("gangway");
            Seen(logger);
        }

        Assert.Equal("debug: seen", writer.ToString().TrimEnd());
    }

    [Fact]
    public void ServerOptionsValidator_AcceptsExactlyTheHostFormats()
    {
        var validator = new ServerOptionsValidator(new StoreCatalog());
        foreach (var format in LogFormats.All)
        {
            Assert.True(validator.Validate(null, new ServerOptions { Model = "titanic@champion", LogFormat = format }).Succeeded, format);
        }

        Assert.True(validator.Validate(null, new ServerOptions { Model = "titanic@champion", LogFormat = "JSON" }).Failed);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "hidden")]
    private static partial void Hidden(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "seen")]
    private static partial void Seen(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} reloaded")]
    private static partial void Reloaded(ILogger logger, string model);
}
