using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>A stack of a CDK cloud assembly: its template file and the environment it deploys to.</summary>
public sealed class StackTemplate
{
    public StackTemplate(string artifactId, string templatePath, string? region, string? account, string stackName)
    {
        ArtifactId = artifactId;
        TemplatePath = templatePath;
        Region = region;
        Account = account;
        StackName = stackName;
    }

    public string ArtifactId { get; }

    /// <summary>The template's path: the assembly folder as given, joined with <c>properties.templateFile</c>.</summary>
    public string TemplatePath { get; }

    /// <summary>From <c>environment</c> (<c>aws://ACCOUNT/REGION</c>); null for <c>unknown-region</c>.</summary>
    public string? Region { get; }

    /// <summary>Null for <c>unknown-account</c>.</summary>
    public string? Account { get; }

    public string StackName { get; }

    public override string ToString() => $"{ArtifactId} ({TemplatePath}, {Account ?? "?"}/{Region ?? "?"})";
}

/// <summary>What to lint in a cloud assembly folder: each stack's template with its environment.</summary>
public sealed class CloudAssemblyPlan
{
    internal CloudAssemblyPlan(string directory, string manifestPath)
    {
        Directory = directory;
        ManifestPath = manifestPath;
    }

    public string Directory { get; }
    public string ManifestPath { get; }
    public List<StackTemplate> Stacks { get; } = new();

    /// <summary>Manifests or nested assemblies that could not be read (path, reason).</summary>
    public List<(string Path, string Reason)> Errors { get; } = new();
}

/// <summary>
/// A CDK cloud assembly (<c>cdk.out</c>): a folder with a <c>manifest.json</c> whose artifacts of type
/// <c>aws:cloudformation:stack</c> name their template (<c>properties.templateFile</c>) and environment
/// (<c>aws://ACCOUNT/REGION</c>, where <c>unknown-account</c> and <c>unknown-region</c> mean unknown). Nested
/// assemblies (CDK stages, <c>cdk:cloud-assembly</c> artifacts) are followed.
/// </summary>
public static class CloudAssembly
{
    public const string ManifestFileName = "manifest.json";
    private const int MaxNesting = 8;

    /// <summary>
    /// For a folder walk: null when <paramref name="directory"/> is not a cloud assembly; otherwise the stack
    /// templates to lint (and only those: asset folders hold user code, not templates) with their environment.
    /// </summary>
    public static CloudAssemblyPlan? Plan(string directory)
    {
        var manifest = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifest)) return null;
        string text;
        try
        {
            text = ReadText(manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var root = Parse(manifest, text);
        if (!IsManifest(root)) return null;
        var plan = new CloudAssemblyPlan(directory, manifest);
        Collect(plan, directory, (JsonObject)root!, 0);
        return plan;
    }

    /// <summary>True when <paramref name="directory"/> holds a cloud assembly manifest.</summary>
    public static bool IsCloudAssembly(string directory) => Plan(directory) is not null;

    /// <summary>The shape of a cloud assembly manifest: <c>version</c> and an <c>artifacts</c> object.</summary>
    public static bool IsManifest(JsonNode? root) => root is JsonObject o && o["version"] is JsonString && o["artifacts"] is JsonObject;

    /// <summary>True for a file named <c>manifest.json</c> with the manifest's shape.</summary>
    public static bool IsManifest(string path, JsonNode root) =>
        string.Equals(Path.GetFileName(path), ManifestFileName, StringComparison.OrdinalIgnoreCase) && IsManifest(root);

    /// <summary>Reads the stacks of a manifest already parsed (the folder is the manifest's folder).</summary>
    public static CloudAssemblyPlan ReadManifest(string manifestPath, JsonObject root)
    {
        var directory = Path.GetDirectoryName(manifestPath) ?? "";
        var plan = new CloudAssemblyPlan(directory, manifestPath);
        Collect(plan, directory, root, 0);
        return plan;
    }

    /// <summary>
    /// The stack a template file belongs to, when the file sits in a cloud assembly (its folder has a manifest
    /// that names it); null otherwise.
    /// </summary>
    public static StackTemplate? StackFor(string templatePath)
    {
        try
        {
            var directory = Path.GetDirectoryName(templatePath);
            if (directory is null) return null;
            var manifest = Path.Combine(directory, ManifestFileName);
            if (!File.Exists(manifest)) return null;
            var root = Parse(manifest, ReadText(manifest)) as JsonObject;
            if (!IsManifest(root)) return null;
            var plan = new CloudAssemblyPlan(directory, manifest);
            Collect(plan, directory, root!, MaxNesting);
            var name = Path.GetFileName(templatePath);
            return plan.Stacks.FirstOrDefault(s => string.Equals(Path.GetFileName(s.TemplatePath), name, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Parses <c>aws://ACCOUNT/REGION</c>; <c>unknown-account</c>/<c>unknown-region</c> (or anything unreadable) give null.</summary>
    public static (string? Account, string? Region) ParseEnvironment(string? environment)
    {
        if (environment is null || !environment.StartsWith("aws://", StringComparison.Ordinal)) return (null, null);
        var rest = environment.Substring("aws://".Length).Split('/');
        if (rest.Length != 2) return (null, null);
        var account = rest[0].Length == 12 && rest[0].All(char.IsDigit) ? rest[0] : null;
        var region = rest[1].Length > 0 && rest[1] != "unknown-region" && rest[1].IndexOf('$') < 0 ? rest[1] : null;
        return (account, region);
    }

    private static void Collect(CloudAssemblyPlan plan, string directory, JsonObject root, int depth)
    {
        if (root["artifacts"] is not JsonObject artifacts) return;
        foreach (var a in artifacts.Properties)
        {
            if (a.Value is not JsonObject artifact) continue;
            var type = (artifact["type"] as JsonString)?.Value;
            var properties = artifact["properties"] as JsonObject;
            if (type == "aws:cloudformation:stack")
            {
                var file = (properties?["templateFile"] as JsonString)?.Value;
                if (file is null || file.Length == 0) continue;
                var (account, region) = ParseEnvironment((artifact["environment"] as JsonString)?.Value);
                var stackName = (properties?["stackName"] as JsonString)?.Value ?? a.Name;
                plan.Stacks.Add(new StackTemplate(a.Name, Join(directory, file), region, account, stackName));
            }
            else if (type == "cdk:cloud-assembly" && depth < MaxNesting)
            {
                var sub = (properties?["directoryName"] as JsonString)?.Value;
                if (sub is null || sub.Length == 0) continue;
                var subDir = Join(directory, sub);
                var manifest = Path.Combine(subDir, ManifestFileName);
                try
                {
                    if (!File.Exists(manifest)) continue;
                    var subRoot = Parse(manifest, ReadText(manifest)) as JsonObject;
                    if (!IsManifest(subRoot))
                    {
                        plan.Errors.Add((manifest, "not a cloud assembly manifest"));
                        continue;
                    }

                    Collect(plan, subDir, subRoot!, depth + 1);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    plan.Errors.Add((manifest, e.Message));
                }
            }
        }
    }

    private static string Join(string directory, string file) =>
        directory.Length == 0 ? file : directory.EndsWith("/", StringComparison.Ordinal) || directory.EndsWith("\\", StringComparison.Ordinal)
            ? directory + file : directory + (directory.IndexOf('\\') >= 0 && directory.IndexOf('/') < 0 ? "\\" : "/") + file;

    private static string ReadText(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');

    private static JsonNode? Parse(string path, string text) => JsonParser.Parse(new SourceDocument(path, text)).Root;
}
