using System.Net;
using Gangway.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gangway.Server.Tests.Errors;

public sealed class GangwayExceptionHandlerTests
{
    [Theory]
    [InlineData(ErrorKind.NotFound, HttpStatusCode.NotFound)]
    [InlineData(ErrorKind.TooLarge, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(ErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task Thrown_GangwayException_IsAnsweredWithItsKindsProblem(ErrorKind kind, HttpStatusCode status)
    {
        await using var app = await StartAsync(() => throw new GangwayException(kind, "Model 'titanic' has no version 9."));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/fail", UriKind.Relative));

        var problem = await ProblemAssertions.ProblemAsync(response, status);
        Assert.Equal("Model 'titanic' has no version 9.", problem.GetProperty("detail").GetString());
        Assert.Equal(ProblemMap.For(kind).Title, problem.GetProperty("title").GetString());
        Assert.Equal(ProblemMap.For(kind).Type, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Thrown_OtherException_IsA500WithoutItsText()
    {
        await using var app = await StartAsync(() => throw new InvalidOperationException("secret internals"));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/fail", UriKind.Relative));

        await ProblemAssertions.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(Func<string> fail)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GangwayExceptionHandler>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/fail", fail);
        await app.StartAsync();
        return app;
    }
}
