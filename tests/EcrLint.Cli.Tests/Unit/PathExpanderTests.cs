using EcrLint.Cli.Inputs;

namespace EcrLint.Cli.Tests.Unit;

public class PathExpanderTests
{
    private static ExpandedInputs Expand(TempDir dir, params string[] paths) => new PathExpander(dir.Path).Expand(paths);

    private static string[] Shown(ExpandedInputs inputs) => inputs.Files.Select(f => f.DisplayPath).ToArray();

    [Fact]
    public void Folder_walk_picks_json_and_yaml_and_skips_build_and_hidden_folders()
    {
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        dir.File("p/b.yaml", "x: 1");
        dir.File("p/c.yml", "x: 1");
        dir.File("p/d.txt", "x");
        dir.File("p/daemon.json", "{}");
        dir.File("p/.hidden.json", "{}");
        dir.File("p/sub/e.json", "{}");
        foreach (var skipped in new[] { "bin", "obj", "node_modules", ".git", ".github" }) dir.File($"p/{skipped}/x.json", "{}");

        var inputs = Expand(dir, "p");

        Assert.Equal(["p/a.json", "p/b.yaml", "p/c.yml", "p/daemon.json", "p/sub/e.json"], Shown(inputs));
        Assert.All(inputs.Files, f => Assert.False(f.Explicit));
        Assert.Empty(inputs.Errors);
    }

    [Fact]
    public void Display_paths_keep_what_the_user_wrote()
    {
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        Assert.Equal(["p/a.json"], Shown(Expand(dir, "p/")));
        Assert.Equal(["./p/a.json"], Shown(Expand(dir, "./p")));
        Assert.Equal(["p/a.json"], Shown(Expand(dir, ".")));
        Assert.Equal([dir.Full("p/a.json")], Shown(Expand(dir, dir.Full("p"))));
        Assert.Equal(["p/a.json"], Shown(Expand(dir, "p/a.json")));
    }

    [Fact]
    public void A_named_file_is_explicit_whatever_its_extension()
    {
        using var dir = new TempDir();
        dir.File("policy.txt", "{}");
        var inputs = Expand(dir, "policy.txt");
        Assert.True(Assert.Single(inputs.Files).Explicit);
    }

    [Fact]
    public void A_folder_named_like_a_file_is_walked()
    {
        using var dir = new TempDir();
        dir.File("x.json/inner.json", "{}");
        Assert.Equal(["x.json/inner.json"], Shown(Expand(dir, "x.json")));
    }

    [Fact]
    public void A_missing_path_is_kept_so_reading_it_reports_why()
    {
        using var dir = new TempDir();
        var inputs = Expand(dir, "missing.json");
        var file = Assert.Single(inputs.Files);
        Assert.True(file.Explicit);
        Assert.Null(FileReader.TryRead(file.FullPath!, out var reason));
        Assert.Equal("no such file or folder", reason);
    }

    [Fact]
    public void Dash_is_standard_input_once()
    {
        using var dir = new TempDir();
        var inputs = Expand(dir, "-", "-");
        var file = Assert.Single(inputs.Files);
        Assert.True(file.IsStdin);
        Assert.Equal("<stdin>", file.DisplayPath);
    }

    [Fact]
    public void The_same_file_twice_is_linted_once()
    {
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        Assert.Equal(["p/a.json"], Shown(Expand(dir, "p/a.json", "p", "./p/a.json")));
    }

    [Fact]
    public void A_file_found_by_a_walk_and_then_named_is_explicit()
    {
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        var file = Assert.Single(Expand(dir, "p", "p/a.json").Files);
        Assert.Equal("p/a.json", file.DisplayPath);
        Assert.True(file.Explicit);
    }

    [Fact]
    public void Globs_expand_star_question_mark_and_double_star()
    {
        using var dir = new TempDir();
        dir.File("samples/a.json", "{}");
        dir.File("samples/b.yaml", "{}");
        dir.File("samples/x/c.json", "{}");
        dir.File("samples/x/y/d.json", "{}");
        dir.File("samples/node_modules/e.json", "{}");
        dir.File("top.json", "{}");

        Assert.Equal(["samples/a.json", "samples/x/c.json", "samples/x/y/d.json"], Shown(Expand(dir, "samples/**/*.json")));
        Assert.Equal(["samples/a.json"], Shown(Expand(dir, "samples/*.json")));
        Assert.Equal(["samples/x/c.json"], Shown(Expand(dir, "samples/?/*.json")));
        Assert.Equal(["top.json"], Shown(Expand(dir, "*.json")));
        Assert.All(Expand(dir, "samples/**/*.json").Files, f => Assert.False(f.Explicit));
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_an_error()
    {
        using var dir = new TempDir();
        var inputs = Expand(dir, "nothing/**/*.json");
        Assert.Empty(inputs.Files);
        var error = Assert.Single(inputs.Errors);
        Assert.Equal("nothing/**/*.json", error.DisplayPath);
        Assert.Contains("no file matches", error.Reason);
    }

    [Fact]
    public void Excluded_files_are_left_out_of_walks_but_not_when_named()
    {
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        dir.File("p/skip.json", "{}");
        var expander = new PathExpander(dir.Path, full => full.EndsWith("skip.json", StringComparison.Ordinal));
        Assert.Equal(["p/a.json"], Shown(expander.Expand(["p"])));
        Assert.Equal(["p/skip.json"], Shown(expander.Expand(["p/skip.json"])));
    }

    [Fact]
    public async Task A_symbolic_link_loop_ends()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.File("p/a.json", "{}");
        dir.File("p/q/b.json", "{}");
        Directory.CreateSymbolicLink(dir.Full("p/q/loop"), dir.Full("p"));
        Directory.CreateSymbolicLink(dir.Full("p/self"), ".");

        var inputs = await Task.Run(() => Expand(dir, "p")).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["p/a.json", "p/q/b.json"], Shown(inputs));
    }

    [Fact]
    public void A_symbolic_link_to_another_folder_is_followed()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.File("elsewhere/c.json", "{}");
        dir.Dir("p");
        Directory.CreateSymbolicLink(dir.Full("p/linked"), dir.Full("elsewhere"));
        Assert.Equal(["p/linked/c.json"], Shown(Expand(dir, "p")));
    }

    [Fact]
    public void A_dangling_link_found_by_a_walk_cannot_be_read()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.Dir("p");
        File.CreateSymbolicLink(dir.Full("p/gone.json"), dir.Full("nowhere.json"));
        var file = Assert.Single(Expand(dir, "p").Files);
        Assert.Null(FileReader.TryRead(file.FullPath!, out var reason));
        Assert.Contains("symbolic link", reason);
    }

    [Fact]
    public void Real_path_resolves_links_in_every_component()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.Dir("real/inner");
        Directory.CreateSymbolicLink(dir.Full("link"), dir.Full("real"));
        Assert.Equal(PathExpander.RealPath(dir.Full("real/inner")), PathExpander.RealPath(dir.Full("link/inner")));
    }
}
