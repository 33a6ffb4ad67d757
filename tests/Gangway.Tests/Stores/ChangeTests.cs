using Gangway.Stores;

namespace Gangway.Tests.Stores;

[Collection(SharedEnvironment.Name)]
public class ChangeTests
{
    [Fact]
    public void ByCurrentUser_ActorVariableSet_UsesIt()
    {
        using var _ = new EnvironmentVariableScope("GANGWAY_ACTOR", "ci-pipeline");
        var notes = new Dictionary<string, string> { ["forced"] = "true" };

        var change = Change.ByCurrentUser("nightly retrain", notes);

        Assert.Equal(new Change("ci-pipeline", "nightly retrain", notes), change);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ByCurrentUser_NoActorVariable_UsesTheOperatingSystemUser(string? actor)
    {
        using var _ = new EnvironmentVariableScope("GANGWAY_ACTOR", actor);

        var change = Change.ByCurrentUser();

        Assert.Equal(Environment.UserName, change.Actor);
        Assert.Null(change.Reason);
        Assert.Null(change.Notes);
    }
}
