using Npgsql;

namespace Gangway.Store.PostgreSql.Tests;

public class PostgreSqlUriTests
{
    [Fact]
    public void Parse_FullUri_SetsEveryPart()
    {
        var settings = PostgreSqlUri.Parse("postgresql://alice:s3cret@db.example.com:6543/registry");

        Assert.Equal("alice", settings.Username);
        Assert.Equal("s3cret", settings.Password);
        Assert.Equal("db.example.com", settings.Host);
        Assert.Equal(6543, settings.Port);
        Assert.Equal("registry", settings.Database);
    }

    [Fact]
    public void Parse_PostgresSchemeWithoutPasswordOrPort_UsesDefaults()
    {
        var settings = PostgreSqlUri.Parse("postgres://bob@localhost/gangway");

        Assert.Equal("bob", settings.Username);
        Assert.Null(settings.Password);
        Assert.Equal(5432, settings.Port);
        Assert.Equal("gangway", settings.Database);
    }

    [Fact]
    public void Parse_PercentEncodedPassword_IsDecoded()
    {
        var settings = PostgreSqlUri.Parse("postgresql://carol:p%40ss%3Aw%2Frd@localhost/db");

        Assert.Equal("p@ss:w/rd", settings.Password);
    }

    [Fact]
    public void Parse_LibpqOptions_MapToNpgsqlSettings()
    {
        var settings = PostgreSqlUri.Parse("postgresql://u@h/db?sslmode=require&connect_timeout=7&application_name=gangway%20ci&search_path=models");

        Assert.Equal(SslMode.Require, settings.SslMode);
        Assert.Equal(7, settings.Timeout);
        Assert.Equal("gangway ci", settings.ApplicationName);
        Assert.Equal("models", settings.SearchPath);
    }

    [Fact]
    public void Parse_NpgsqlKeywordOption_IsAccepted()
    {
        var settings = PostgreSqlUri.Parse("postgresql://u@h/db?Command%20Timeout=90");

        Assert.Equal(90, settings.CommandTimeout);
    }

    [Fact]
    public void Parse_Ipv6HostWithPort_ReadsBoth()
    {
        var settings = PostgreSqlUri.Parse("postgresql://u@[::1]:5433/db");

        Assert.Equal("::1", settings.Host);
        Assert.Equal(5433, settings.Port);
    }

    [Fact]
    public void Parse_NoDatabase_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<GangwayException>(() => PostgreSqlUri.Parse("postgresql://u:pw@h:5432"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("names no database", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql://u:***@h:5432", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadPort_ThrowsNamingThePort()
    {
        var error = Assert.Throws<GangwayException>(() => PostgreSqlUri.Parse("postgresql://u@h:99999/db"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("port '99999'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingTheOptionWithPasswordHidden()
    {
        var error = Assert.Throws<GangwayException>(() => PostgreSqlUri.Parse("postgresql://u:topsecret@h/db?colour=blue"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("option 'colour'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_PasswordInUserInfoAndOption_HidesBoth()
    {
        var shown = PostgreSqlUri.Display("postgresql://u:hunter2@h/db?sslmode=require&password=hunter3");

        Assert.Equal("postgresql://u:***@h/db?sslmode=require&password=***", shown);
    }
}
