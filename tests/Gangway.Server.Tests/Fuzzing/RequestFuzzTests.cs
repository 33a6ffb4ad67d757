using System.Net.Http.Headers;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Predict;
using Gangway.Server.Records;
using Gangway.Server.Serving;
using Gangway.Tests.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Fuzzing;

/// <summary>
/// Hostile bodies (see <see cref="HostileBodies"/>) against the request readers and the running service, with a fixed
/// seed: the readers return records or reject the body (<see cref="GangwayException"/>), and the service never
/// answers 5xx nor shows internals. Every failure found here became a named regression test.
/// </summary>
public sealed class RequestFuzzTests(TitanicService service) : IClassFixture<TitanicService>
{
    [Fact]
    public void Readers_HostileBodies_ReturnRecordsOrRejectTheBody()
    {
        var served = service.Factory.Services.GetRequiredService<LoadedModel>().Current;
        var settings = new ServerOptions();

        Fuzz.Check(HostileBodies.Requests, 3000, request =>
        {
            var csv = request.ContentType?.StartsWith("text/csv", StringComparison.Ordinal) == true;
            try
            {
                var (response, errors) = Predictor.Predict(request.Body, csv, served, settings, DateTimeOffset.UtcNow);
                Assert.True(response is not null || errors.Count > 0, "A batch is either answered or rejected with its problems.");
            }
            catch (GangwayException ex)
            {
                Assert.Equal(400, ProblemMap.StatusOf(ex.Kind));
            }
        }, HostileBodies.Show);
    }

    [Fact]
    public void CsvReader_JsonBodies_AreRejectedAsJson()
    {
        var served = service.Factory.Services.GetRequiredService<LoadedModel>().Current;

        Fuzz.Check(HostileBodies.Json, 1000, json =>
        {
            var error = Assert.Throws<GangwayException>(() => RecordRequest.Read(System.Text.Encoding.UTF8.GetBytes(json), csv: true, served, new ServerOptions()));
            Assert.Contains("is JSON; send JSON as application/json", error.Message, StringComparison.Ordinal);
        }, json => json);
    }

    [Fact]
    public async Task Service_HostileBodies_NeverAnswer5xxNorShowInternals()
    {
        var failures = new List<string>();
        foreach (var (_, request) in Fuzz.Cases(HostileBodies.Requests, 400))
        {
            foreach (var path in new[] { "/predict", "/upsell" })
            {
                using var content = new ByteArrayContent(request.Body);
                content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
                using var response = await service.Client.PostAsync(new Uri(path, UriKind.Relative), content);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{path} answered {(int)response.StatusCode} to {HostileBodies.Show(request)}: {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"seed {Fuzz.Seed}, {failures.Count} failure(s):\n{string.Join("\n", failures.Take(5))}");
    }
}
