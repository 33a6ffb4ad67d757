using System.Net;
using System.Text.Json;
using Gangway.Server.Admin;
using Gangway.Stores;

namespace Gangway.Server.Tests.Admin;

/// <summary>The admin endpoints, on a bundle file and on an alias in a real SQLite store.</summary>
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
        Assert.Contains(path, described.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(1, PrometheusText.Value(metrics, "gangway_model_reload_failures_total", ("model", "titanic")));
        Assert.Equal(0, PrometheusText.Value(metrics, "gangway_model_reloads_total", ("model", "titanic")));

        File.WriteAllBytes(path, models.Titanic);
        using var recovered = await TwoModels.Admin(client, "/admin/reload");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await TwoModels.Described(client)).GetProperty("lastError").ValueKind);
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

    [Fact]
    public async Task Promote_WithKey_MovesTheAliasAuditedAsAdminApiAndServesIt()
    {
        // The baseline is champion; the better titanic model passes the spec's promotion gates against it.
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml"));
        await TwoModels.RegisterAsync(store, models.Titanic);
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        using var response = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = 2, alias = "champion", reason = "better on slices" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.True(answer.GetProperty("changed").GetBoolean());
        Assert.Equal(2, answer.GetProperty("served").GetProperty("source").GetProperty("version").GetInt32());
        Assert.Equal(1, answer.GetProperty("aliasChange").GetProperty("previousVersion").GetInt32());
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        await using var opened = await TwoModels.OpenAsync(store);
        Assert.Equal(2, await opened.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
        var audit = (await opened.Registry.ListAuditAsync(new AuditQuery("titanic"), CancellationToken.None))[0];
        Assert.Equal((AuditActions.AliasSet, AdminApi.Actor, "better on slices"), (audit.Action, audit.Actor, audit.Reason));
        Assert.Contains("\"gates\":\"passed\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"forced\":\"false\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_WithKey_PointsTheAliasBackAuditedAsAdminApiAndServesIt()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Baseline, "baseline.yaml"));
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();
        Assert.Equal(models.BaselineVersion, await TwoModels.PredictedVersion(client));

        using var response = await TwoModels.Admin(client, "/admin/rollback", new { model = "titanic", alias = "champion", reason = "complaints" });

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AliasChange.Rollback, answer.GetProperty("aliasChange").GetProperty("kind").GetString());
        Assert.Equal(1, answer.GetProperty("served").GetProperty("source").GetProperty("version").GetInt32());
        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        await using var opened = await TwoModels.OpenAsync(store);
        var audit = (await opened.Registry.ListAuditAsync(new AuditQuery("titanic"), CancellationToken.None))[0];
        Assert.Equal((AuditActions.AliasRolledBack, AdminApi.Actor, "complaints"), (audit.Action, audit.Actor, audit.Reason));

        using var again = await TwoModels.Admin(client, "/admin/rollback", new { model = "titanic", alias = "champion" });
        var problem = await ProblemAssertions.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("no earlier version", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_UnknownModelOrVersion_Answers404Problem()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        using var version = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = 7, alias = "champion" });
        using var model = await TwoModels.Admin(client, "/admin/rollback", new { model = "unknown", alias = "champion" });

        var missing = await ProblemAssertions.ProblemAsync(version, HttpStatusCode.NotFound);
        Assert.StartsWith("Model 'titanic' has no version 7 in store 'sqlite:", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssertions.ProblemAsync(model, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Promote_VersionThatCannotBeLoaded_Answers409EvenForced()
    {
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Titanic));
        var broken = await TwoModels.RegisterAsync(store, "not a bundle"u8.ToArray());
        using var factory = TwoModels.Serve("titanic@champion", store);
        using var client = factory.CreateClient();

        using var refused = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = broken, alias = "champion" });
        using var forced = await TwoModels.Admin(client, "/admin/promote", new { model = "titanic", version = broken, alias = "champion", reason = "testing", force = true });

        foreach (var answer in new[] { refused, forced })
        {
            var problem = await ProblemAssertions.ProblemAsync(answer, HttpStatusCode.Conflict);
            Assert.StartsWith("Version titanic:2 cannot be loaded:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(models.TitanicVersion, await TwoModels.PredictedVersion(client));
        await using var after = await TwoModels.OpenAsync(store);
        Assert.Equal(1, await after.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
    }

    [Fact]
    public async Task Promote_VersionTrainedElsewhere_UsesThePromotionDataSetting()
    {
        // The run recorded a spec folder this machine does not have, so only Gangway:PromotionData can feed the gates.
        var store = models.NewStore();
        await TwoModels.SetAliasAsync(store, await TwoModels.RegisterAsync(store, models.Baseline, "../trained-elsewhere/baseline.yaml"));
        await TwoModels.RegisterAsync(store, models.Titanic, "../trained-elsewhere/titanic.yaml");
        using var withoutData = TwoModels.Serve("titanic@champion", store);
        using var withData = TwoModels.Serve("titanic@champion", store, new Dictionary<string, string?> { ["Gangway:PromotionData"] = TitanicService.TestFile("validation.csv") });
        var body = new { model = "titanic", version = 2, alias = "champion", reason = "trained on another machine" };

        using var missing = await TwoModels.Admin(withoutData.CreateClient(), "/admin/promote", body);
        using var promoted = await TwoModels.Admin(withData.CreateClient(), "/admin/promote", body);

        var problem = await ProblemAssertions.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Contains("trained-elsewhere", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(promoted.StatusCode == HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync());
        await using var opened = await TwoModels.OpenAsync(store);
        Assert.Equal(2, await opened.Registry.ResolveAliasAsync("titanic", "champion", CancellationToken.None));
    }

    [Fact]
    public async Task Promote_MalformedJson_Answers400Problem()
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/promote", UriKind.Relative))
        {
            Content = new StringContent("{\"model\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", TwoModels.AdminKey);

        using var response = await client.SendAsync(request);

        await ProblemAssertions.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/admin/promote", "{\"model\": ", "application/json", null)]
    [InlineData("/admin/promote", "model=titanic&version=1", "application/x-www-form-urlencoded", null)]
    [InlineData("/admin/rollback", "not json at all", "text/plain", "wrong-key-0123456789")]
    [InlineData("/admin/rollback", "{\"model\": 1}", "application/json", "wrong-key-0123456789")]
    [InlineData("/ADMIN/Promote", "{\"model\": ", "text/plain", null)]
    public async Task Admin_NoOrWrongKey_Answers401BeforeReadingTheBody(string path, string body, string contentType, string? key)
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(AdminRequest(path, body, contentType, key));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WrongContentTypeWithTheKey_Answers415NamingJson()
    {
        using var factory = TwoModels.Serve(BundleCopy(models.Titanic));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(AdminRequest("/admin/promote", "model=titanic", "text/plain", TwoModels.AdminKey));

        var problem = await ProblemAssertions.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the body as application/json; the request says 'text/plain; charset=utf-8'.", problem.GetProperty("detail").GetString());
        Assert.Equal(["application/json"], problem.GetProperty("accepted").EnumerateArray().Select(t => t.GetString()));
    }

    private static HttpRequestMessage AdminRequest(string path, string body, string contentType, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, contentType),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private string BundleCopy(byte[] bundle)
    {
        var path = models.NewPath(".gwb");
        File.WriteAllBytes(path, bundle);
        return path;
    }
}
