namespace EcrLint.TestSupport;

/// <summary>
/// Paths in the repository, found from the test assembly's folder upward. One source file, compiled into every test
/// project (see the test projects' <c>Compile Include="../Shared/Repo.cs"</c>).
/// </summary>
public static class Repo
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcrLint.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("EcrLint.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
