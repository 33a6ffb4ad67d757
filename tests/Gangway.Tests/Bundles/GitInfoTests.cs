using Gangway.Bundles;

namespace Gangway.Tests.Bundles;

public sealed class GitInfoTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string Other = "fedcba9876543210fedcba9876543210fedcba98";

    [Fact]
    public void TryRead_LooseBranchRef_ResolvesFromSubdirectory()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        repo.Write(".git/refs/heads/main", Commit + "\n");
        var nested = Directory.CreateDirectory(repo.File("examples/titanic")).FullName;

        var info = GitInfo.TryRead(nested);

        Assert.NotNull(info);
        Assert.Equal(Commit, info.Commit);
        Assert.Equal("main", info.Branch);
        Assert.Equal(repo.Path, info.RepositoryRoot);
        Assert.Null(info.IsDirty);
    }

    [Fact]
    public void TryRead_PackedRef_ResolvesFromPackedRefs()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", "ref: refs/heads/release\n");
        repo.Write(
            ".git/packed-refs",
            $"# pack-refs with: peeled fully-peeled sorted\n{Other} refs/heads/main\n{Commit} refs/heads/release\n^{Other}\n");

        var info = GitInfo.TryRead(repo.Path);

        Assert.Equal(Commit, info?.Commit);
        Assert.Equal("release", info?.Branch);
    }

    [Fact]
    public void TryRead_DetachedHead_ReturnsCommitWithoutBranch()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", Commit.ToUpperInvariant() + "\n");

        var info = GitInfo.TryRead(repo.Path);

        Assert.Equal(Commit, info?.Commit);
        Assert.Null(info?.Branch);
    }

    [Fact]
    public void TryRead_LinkedWorktree_ReadsHeadThereAndRefsFromCommonDir()
    {
        using var temp = new TempDirectory();
        temp.Write("main/.git/refs/heads/feature", Commit);
        temp.Write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/feature");
        temp.Write("main/.git/worktrees/wt/commondir", "../..");
        temp.Write("wt/.git", "gitdir: " + temp.File("main/.git/worktrees/wt"));

        var info = GitInfo.TryRead(temp.File("wt"));

        Assert.Equal(Commit, info?.Commit);
        Assert.Equal("feature", info?.Branch);
    }

    [Fact]
    public void TryRead_UnbornBranch_HasBranchButNoCommit()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");

        var info = GitInfo.TryRead(repo.Path);

        Assert.NotNull(info);
        Assert.Null(info.Commit);
        Assert.Equal("main", info.Branch);
    }

    [Fact]
    public void TryRead_GarbageHead_ReturnsNull()
    {
        using var repo = new TempDirectory();
        repo.Write(".git/HEAD", "not a ref");

        Assert.Null(GitInfo.TryRead(repo.Path));
    }
}
