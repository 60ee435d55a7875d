using EcrLint.Configuration;

namespace EcrLint.Cli.Inputs;

/// <summary>One input to lint.</summary>
/// <param name="DisplayPath">The path as the user wrote it (a folder walk or glob appends to what the user wrote); <c>&lt;stdin&gt;</c> for standard input.</param>
/// <param name="FullPath">The absolute path, or null for standard input.</param>
/// <param name="Explicit">True when the user named the file (an unknown kind is then reported), false when a folder walk or a glob found it (an unknown kind is skipped).</param>
public sealed record InputFile(string DisplayPath, string? FullPath, bool Explicit)
{
    public const string StdinPath = "<stdin>";

    public bool IsStdin => FullPath is null;

    public static InputFile Stdin { get; } = new(StdinPath, null, true);
}

/// <summary>An input that could not be read (or fixed); the other inputs are still linted. Exit code 2.</summary>
public sealed record InputError(string DisplayPath, string Reason)
{
    /// <summary>A message other than <c>cannot read 'path': reason</c> (a fix that could not be written).</summary>
    public string? FullMessage { get; init; }

    public bool IsReadError => FullMessage is null;

    public string Message => FullMessage ?? $"cannot read '{DisplayPath}': {Reason}";
}

public sealed class ExpandedInputs
{
    public List<InputFile> Files { get; } = new();
    public List<InputError> Errors { get; } = new();
}

/// <summary>
/// Turns the PATH arguments into files: a file is taken as is, a folder is walked recursively (picking
/// <c>*.json</c>, <c>*.yaml</c>, <c>*.yml</c>; skipping <c>bin/</c>, <c>obj/</c>, <c>node_modules/</c> and hidden
/// folders and files), a pattern with <c>*</c>, <c>?</c> or <c>**</c> is expanded, and <c>-</c> is standard
/// input. Walks follow symbolic links to folders but visit each real folder once, so a link loop ends.
/// </summary>
public sealed class PathExpander
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };
    private static readonly char[] Separators = ['/', '\\'];

    private readonly string _workingDirectory;
    private readonly Func<string, bool>? _isExcluded;

    /// <param name="workingDirectory">The folder relative paths are resolved against.</param>
    /// <param name="isExcluded">Given the absolute path of a file found by a walk or a glob, true to leave it out (config <c>exclude</c>).</param>
    public PathExpander(string workingDirectory, Func<string, bool>? isExcluded = null)
    {
        _workingDirectory = workingDirectory;
        _isExcluded = isExcluded;
    }

    /// <summary>True for the file names a folder walk picks.</summary>
    public static bool IsPickedByWalk(string fileName) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for folder names a walk does not enter.</summary>
    public static bool IsSkippedFolder(string name) => name.StartsWith('.') || SkippedFolders.Contains(name);

    public ExpandedInputs Expand(IEnumerable<string> paths)
    {
        var result = new ExpandedInputs();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var stdinTaken = false;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (!stdinTaken) result.Files.Add(InputFile.Stdin);
                stdinTaken = true;
                continue;
            }

            if (path.Length == 0)
            {
                result.Errors.Add(new InputError(path, "the path is empty"));
                continue;
            }

            var full = FullPathOf(path);
            if (Directory.Exists(full))
            {
                Walk(full, path, result, seen);
            }
            else if (!File.Exists(full) && PathGlob.HasWildcard(path))
            {
                ExpandGlob(path, result, seen);
            }
            else
            {
                // A file, or something that does not exist or cannot be read: reading it tells which.
                if (seen.Add(full))
                {
                    result.Files.Add(new InputFile(path, full, Explicit: true));
                }
                else
                {
                    // Found by an earlier walk or glob, and now named: it is explicit (an unknown kind is reported).
                    var index = result.Files.FindIndex(f => f.FullPath == full);
                    if (index >= 0 && !result.Files[index].Explicit) result.Files[index] = result.Files[index] with { Explicit = true };
                }
            }
        }

        return result;
    }

    private string FullPathOf(string path) => Path.GetFullPath(path, _workingDirectory);

    private void Walk(string fullRoot, string displayRoot, ExpandedInputs result, HashSet<string> seen)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<InputFile>();
        WalkFolder(fullRoot, RealPath(fullRoot), DisplayPrefix(displayRoot), visited, result, (full, display, _) =>
        {
            var name = Path.GetFileName(full);
            if (!IsPickedByWalk(name)) return;
            found.Add(new InputFile(display, full, Explicit: false));
        }, relative: "", maxDepth: int.MaxValue);
        AddFound(found, result, seen);
    }

    private void ExpandGlob(string pattern, ExpandedInputs result, HashSet<string> seen)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWildcard);
        var prefix = slash < 0 ? "" : slash == 0 ? "/" : pattern.Substring(0, slash);
        var rest = slash < 0 ? normalized : normalized.Substring(slash + 1);
        var glob = PathGlob.Create(rest, ignoreCase: OperatingSystem.IsWindows());
        var baseFull = FullPathOf(prefix.Length == 0 ? "." : prefix);
        var found = new List<InputFile>();
        if (Directory.Exists(baseFull))
        {
            var maxDepth = glob.Segments.Contains("**") ? int.MaxValue : glob.Segments.Count;
            var visited = new HashSet<string>(StringComparer.Ordinal);
            WalkFolder(baseFull, RealPath(baseFull), DisplayPrefix(prefix), visited, result, (full, display, relative) =>
            {
                if (glob.IsMatch(relative)) found.Add(new InputFile(display, full, Explicit: false));
            }, relative: "", maxDepth: maxDepth);
        }

        if (found.Count == 0)
        {
            result.Errors.Add(new InputError(pattern, "no file matches the pattern"));
            return;
        }

        AddFound(found, result, seen);
    }

    private void AddFound(List<InputFile> found, ExpandedInputs result, HashSet<string> seen)
    {
        foreach (var f in found)
        {
            if (_isExcluded?.Invoke(f.FullPath!) == true) continue;
            if (seen.Add(f.FullPath!)) result.Files.Add(f);
        }
    }

    /// <summary>What a walk puts before the names it finds: the user's folder and a separator (nothing for <c>.</c>).</summary>
    internal static string DisplayPrefix(string displayRoot)
    {
        if (displayRoot.Length == 0 || displayRoot is "." or "./" or ".\\") return "";
        if (displayRoot.EndsWith('/') || displayRoot.EndsWith('\\')) return displayRoot;
        var separator = displayRoot.Contains('\\') && !displayRoot.Contains('/') ? '\\' : '/';
        return displayRoot + separator;
    }

    private static void WalkFolder(string full, string real, string displayPrefix, HashSet<string> visited, ExpandedInputs result,
        Action<string, string, string> onFile, string relative, int maxDepth)
    {
        if (!visited.Add(real)) return; // A symbolic link loop, or a folder reached twice.

        // A CDK cloud assembly (cdk.out): lint its stack templates only; its asset folders hold application code.
        if (EcrLint.CloudFormation.CloudAssembly.Plan(full) is { } assembly)
        {
            foreach (var stack in assembly.Stacks.OrderBy(t => t.TemplatePath, StringComparer.Ordinal))
            {
                var inside = Path.GetRelativePath(full, stack.TemplatePath).Replace('\\', '/');
                if (inside.StartsWith("..", StringComparison.Ordinal)) continue;
                var display = displayPrefix + inside.Replace('/', DirectorySeparatorOf(displayPrefix));
                onFile(stack.TemplatePath, display, relative.Length == 0 ? inside : relative + "/" + inside);
            }

            return;
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(full).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            var shown = displayPrefix.Length == 0 ? "." : displayPrefix.TrimEnd('/', '\\');
            result.Errors.Add(new InputError(shown, FileReader.Reason(e)));
            return;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var depth = relative.Length == 0 ? 1 : relative.Count(c => c == '/') + 2;
        foreach (var entry in entries)
        {
            var name = entry.Name;
            var childRelative = relative.Length == 0 ? name : relative + "/" + name;
            if (entry is DirectoryInfo)
            {
                if (IsSkippedFolder(name) || depth >= maxDepth) continue;
                var childReal = entry.Attributes.HasFlag(FileAttributes.ReparsePoint) ? RealPath(entry.FullName) : Path.Combine(real, name);
                WalkFolder(entry.FullName, childReal, displayPrefix + name + DirectorySeparatorOf(displayPrefix), visited, result, onFile, childRelative, maxDepth);
            }
            else
            {
                if (name.StartsWith('.')) continue;
                onFile(entry.FullName, displayPrefix + name, childRelative);
            }
        }
    }

    private static char DirectorySeparatorOf(string displayPrefix) =>
        displayPrefix.Contains('\\') && !displayPrefix.Contains('/') ? '\\' : '/';

    /// <summary>The path with every symbolic link resolved (each component), so a folder is known by one name.</summary>
    internal static string RealPath(string fullPath) => RealPath(fullPath, 0);

    private static string RealPath(string fullPath, int depth)
    {
        if (depth > 40) return fullPath;
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        foreach (var part in fullPath.Substring(root.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            if (target is not null) next = RealPath(Path.GetFullPath(target, current), depth + 1);
            current = next;
        }

        return current;
    }
}
