using Gangway.Server.Errors;

namespace Gangway.Server.Tests.Errors;

public sealed class ProblemMapTests
{
    public static TheoryData<ErrorKind> Kinds() => [.. Enum.GetValues<ErrorKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void For_EveryErrorKind_HasAnErrorStatusTypeAndTitle(ErrorKind kind)
    {
        var problem = ProblemMap.For(kind);

        Assert.InRange(problem.Status, 400, 599);
        Assert.StartsWith("https://tools.ietf.org/html/rfc", problem.Type, StringComparison.Ordinal);
        Assert.EndsWith(".", problem.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ErrorKind.InvalidInput, 400)]
    [InlineData(ErrorKind.Unreadable, 400)]
    [InlineData(ErrorKind.Unauthorized, 401)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.TooLarge, 413)]
    [InlineData(ErrorKind.UnsupportedFormat, 415)]
    [InlineData(ErrorKind.ContractViolation, 422)]
    [InlineData(ErrorKind.Unavailable, 503)]
    public void StatusOf_Kind_IsTheDocumentedStatus(ErrorKind kind, int status) => Assert.Equal(status, ProblemMap.StatusOf(kind));

    [Fact]
    public void Problem_Exception_TakesItsKindsStatusAndItsMessage()
    {
        var result = ProblemMap.Problem(new GangwayException(ErrorKind.NotFound, "No model 'x'."));

        Assert.Equal(404, result.StatusCode);
        Assert.Equal("No model 'x'.", result.ProblemDetails.Detail);
        Assert.Equal("Not found.", result.ProblemDetails.Title);
    }
}
