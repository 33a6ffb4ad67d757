using Gangway.Data;
using Gangway.Scoring;

namespace Gangway.Tests.Scoring;

public class BatchScoringOptionsTests
{
    [Fact]
    public void Defaults_FailOnErrorInChunksOf8192WithoutProgress()
    {
        var options = new BatchScoringOptions();

        Assert.Equal(InvalidRowPolicy.Fail, options.OnError);
        Assert.Equal(8192, options.ChunkSize);
        Assert.Null(options.Progress);
    }
}
