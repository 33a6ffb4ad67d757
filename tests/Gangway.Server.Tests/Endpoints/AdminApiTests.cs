using System.Net;
using System.Text.Json;

namespace Gangway.Server.Tests.Endpoints;

/// <summary>The admin endpoints on a bundle file; promote and rollback against a store are in RegistryServingTests.</summary>
public sealed class AdminApiTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Admin_NoKeyConfigured_IsNotMapped()
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic), adminKey: null);
        using var client = factory.CreateClient();

        using var reload = await TwoModels.Admin(client, "/admin/reload");
        using var promote = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = 1, alias = "champion" });

        Assert.Equal(HttpStatusCode.NotFound, reload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-admin-key-012345678")]
    [InlineData("test-admin-key-0123456789-and-more")]
    public async Task Admin_MissingOrWrongKey_Answers401ProblemAndChangesNothing(string? key)
    {
        var path = BundleCopy(models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();
        File.WriteAllBytes(path, models.Baseline);

        using var response = await TwoModels.Admin(client, "/admin/reload", key: key);

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
    }

    [Fact]
    public async Task Reload_BundleFileReplaced_ServesTheNewBundle()
    {
        var path = BundleCopy(models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        File.WriteAllBytes(path, models.Baseline);

        using var response = await TwoModels.Admin(client, "/admin/reload");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answer.GetProperty("changed").GetBoolean());
        Assert.Equal(models.BaselineVersion, answer.GetProperty("served").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("served").GetProperty("source").ValueKind);
        Assert.Equal(models.BaselineVersion, await TwoModels.PredictedVersion(client));
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_model_reloads_total", ("model", "titanic")));
    }

    [Fact]
    public async Task Reload_Unchanged_AnswersTheServedModelWithoutSwapping()
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic));
        using var client = factory.CreateClient();

        using var response = await TwoModels.Admin(client, "/admin/reload");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(answer.GetProperty("changed").GetBoolean());
        Assert.Equal(models.TitanicVersion, answer.GetProperty("served").GetProperty("version").GetString());
        Assert.Equal("titanic", answer.GetProperty("served").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Reload_BrokenBundle_KeepsServingTheOldOneAndReportsWhy()
    {
        var path = BundleCopy(models.Titanic);
        using var factory = TwoModels.Serve(path);
        using var client = factory.CreateClient();
        File.WriteAllText(path, "this is not a bundle");

        using var response = await TwoModels.Admin(client, "/admin/reload");

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains($"Still serving titanic version {models.TitanicVersion}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        var described = await TwoModels.Described(client);
        Assert.Contains(path, described.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_model_reload_failures_total", ("model", "titanic")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_model_reloads_total", ("model", "titanic")));

        File.WriteAllBytes(path, models.Titanic);
        using var recovered = await TwoModels.Admin(client, "/admin/reload");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await TwoModels.Described(client)).GetProperty("last_error").ValueKind);
    }

    [Fact]
    public async Task Promote_InvalidBody_Answers400Problem()
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic));
        using var client = factory.CreateClient();

        using var noVersion = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", alias = "champion" });
        using var badAlias = await TwoModels.Admin(client, "/admin/rollback", new { model = "titanic", alias = "no spaces" });

        var version = await ProblemAssertions.ProblemAsync(noVersion, HttpStatusCode.BadRequest);
        Assert.Equal("'version' must be a version number (1 or more); it is missing.", version.GetProperty("detail").GetString());
        var alias = await ProblemAssertions.ProblemAsync(badAlias, HttpStatusCode.BadRequest);
        Assert.StartsWith("'alias' must be an alias name", alias.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private string BundleCopy(byte[] bundle)
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, bundle);
        return path;
    }
}
