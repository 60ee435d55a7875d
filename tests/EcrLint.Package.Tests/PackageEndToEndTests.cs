using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcrLint.Package.Tests;

/// <summary>
/// End to end: the packed <c>EcrLint</c> package in a fresh project (restored from a folder feed, with the AWS CDK
/// from nuget.org) and the packed <c>ecrlint</c> tool installed from the same feed.
/// </summary>
public sealed partial class PackageEndToEndTests(PackagedEcrLint packages) : IClassFixture<PackagedEcrLint>
{
    // ECR403 (error) on "allow" at (4,37).
    private const string PullPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "AllowPull", "Effect": "allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
          ]
        }

        """;

    // ECR405 (warning) on the second "AllowPull" at (5,14).
    private const string GuardPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "AllowPull", "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken"], "Resource": "*" },
            { "Sid": "AllowPull", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" }
          ]
        }

        """;

    // The AWS page's allow-all policy with its deletion guard: only ECR204 (off in recommended) at (4,73).
    private const string OpenPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*" },
            { "Sid": "PreventDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository", "Resource": "*" }
          ]
        }

        """;

    // ECR403 (error) on "allow" in the C# string.
    private const string PoliciesCs = """""
        using Amazon.CDK.AWS.IAM;

        namespace App;

        public static class Policies
        {
            public static PolicyDocument Pull() => PolicyDocument.FromJson(""""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Sid": "AllowPull", "Effect": "allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*" }
                  ]
                }
                """");
        }

        """"";

    private const string PullPath = "policies/pull.ecr-endpoint-policy.json";
    private const string GuardPath = "policies/guard.ecr-endpoint-policy.json";
    private const string OpenPath = "policies/open.ecr-endpoint-policy.json";

    private static readonly Finding PullError = new(PullPath, 4, 37, "error", "ECR403");
    private static readonly Finding GuardWarning = new(GuardPath, 5, 14, "warning", "ECR405");
    private static readonly Finding OpenError = new(OpenPath, 4, 73, "error", "ECR204");
    private static readonly Finding CSharpError = new("Policies.cs", 11, PoliciesCs.Split('\n')[10].IndexOf("\"allow\"", StringComparison.Ordinal) + 1, "error", "ECR403");

    [Fact]
    public void Analyzer_package_holds_the_analyzers_their_dependencies_and_the_build_files()
    {
        using var zip = ZipFile.OpenRead(packages.AnalyzerPackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var analyzers = entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        // Every project under analyzers/ and codefixes/ (whatever lands there later), the rules and what they load.
        var expected = new[] { "analyzers", "codefixes" }
            .Where(d => Directory.Exists(Repo.PathOf(d)))
            .SelectMany(d => Directory.EnumerateFiles(Repo.PathOf(d), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetFileNameWithoutExtension(p) + ".dll")
            .Concat(new[] { "EcrLint.Rules.dll", "Newtonsoft.Json.dll", "YamlDotNet.dll" })
            .Select(n => "analyzers/dotnet/cs/" + n)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, analyzers);

        Assert.Contains("buildTransitive/EcrLint.props", entries);
        Assert.Contains("buildTransitive/EcrLint.targets", entries);
        foreach (var mode in new[] { "recommended", "strict", "all-info" }) Assert.Contains($"buildTransitive/config/EcrLint.{mode}.globalconfig", entries);
        Assert.Contains("buildTransitive/config/EcrLint.KnownRegions.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependencies>", text);
        Assert.Contains($"<version>{packages.Version}</version>", text);
    }

    [Fact]
    public void Build_fails_on_error_findings_in_json_and_csharp_and_a_globalconfig_lowers_them()
    {
        var app = CreateApp("lowered");

        var failed = Build(app);
        Assert.True(failed.ExitCode != 0, "the build should fail on ECR403: " + failed);
        var expected = new List<Finding> { PullError, GuardWarning, CSharpError };
        Assert.Equal(Sorted(expected), Findings(failed, app));
        AssertAnalyzersLoaded(failed);

        File.WriteAllText(Path.Combine(app, ".globalconfig"), "is_global = true\ndotnet_diagnostic.ECR403.severity = warning\n");
        var passed = Build(app);
        Assert.True(passed.ExitCode == 0, "the .globalconfig lowers ECR403 to a warning: " + passed);
        Assert.Equal(Sorted(expected.Select(f => f with { Severity = "warning" })), Findings(passed, app));
        AssertAnalyzersLoaded(passed);
    }

    [Fact]
    public void Ecrlint_json_suppressions_and_mode_apply_to_the_build_your_globalconfig_wins_and_invalid_settings_fail_it()
    {
        var app = CreateApp("configured");
        File.WriteAllText(Path.Combine(app, ".ecrlint.json"), """
            {
              "mode": "strict",
              "region": "us-east-1",
              "suppressions": [
                { "rule": "ECR403", "path": "policies/pull.*.json", "pointer": "/Statement/0", "reason": "rewritten in the next release" }
              ]
            }
            """);

        // Strict (from .ecrlint.json) raises ECR405 to an error and turns ECR204 on; the suppression removes the JSON ECR403.
        var strict = Build(app);
        Assert.True(strict.ExitCode != 0, "strict makes ECR405 an error: " + strict);
        var expected = new List<Finding> { GuardWarning with { Severity = "error" }, OpenError, CSharpError };
        Assert.Equal(Sorted(expected), Findings(strict, app));

        // A .globalconfig you write wins over the mode's configuration (whose global_level is lower).
        File.WriteAllText(Path.Combine(app, ".globalconfig"), "is_global = true\ndotnet_diagnostic.ECR405.severity = warning\n");
        var lowered = Build(app);
        Assert.Equal(Sorted(expected.Select(f => f.Id == "ECR405" ? f with { Severity = "warning" } : f)), Findings(lowered, app));

        var region = Build(app, "-p:EcrLintRegion=eu-west-9");
        Assert.True(region.ExitCode != 0, region.ToString());
        Assert.Contains("EcrLintRegion 'eu-west-9' is not a known AWS region", region.Output, StringComparison.Ordinal);

        var mode = Build(app, "-p:EcrLintMode=lenient");
        Assert.True(mode.ExitCode != 0, mode.ToString());
        Assert.Contains("EcrLintMode 'lenient' is not a mode", mode.Output, StringComparison.Ordinal);

        // An invalid .ecrlint.json is ECR400 on it (and changes nothing: the JSON ECR403 is back).
        File.WriteAllText(Path.Combine(app, ".ecrlint.json"), "{\n  \"suppressions\": [\n    { \"rule\": \"ECR403\" }\n  ]\n}\n");
        var invalid = Build(app);
        Assert.True(invalid.ExitCode != 0, invalid.ToString());
        var findings = Findings(invalid, app);
        Assert.Contains(findings, f => f.File == ".ecrlint.json" && f.Line == 3 && f.Id == "ECR400" && f.Severity == "error");
        Assert.Contains(PullError, findings);
    }

    [Fact]
    public void Dotnet_format_applies_the_csharp_code_fix()
    {
        var app = CreateApp("formatted");
        var format = DotnetProcess.Dotnet(app, null, "format", "analyzers", "--diagnostics", "ECR403", "--severity", "info");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedSource = File.ReadAllText(Path.Combine(app, "Policies.cs"));
        Assert.Equal(PoliciesCs.Replace("\"Effect\": \"allow\"", "\"Effect\": \"Allow\"", StringComparison.Ordinal), fixedSource);
        Assert.Equal(PullPolicy, File.ReadAllText(Path.Combine(app, PullPath))); // dotnet format fixes C# documents only
    }

    [Fact]
    public void Tool_package_installs_from_the_folder_feed_and_runs()
    {
        var tools = packages.NewFolder("tools");
        var install = DotnetProcess.Dotnet(packages.NewFolder("install"), null,
            "tool", "install", "--tool-path", tools, "--add-source", packages.Feed, "--version", packages.Version, "EcrLint.Cli");
        Assert.True(install.ExitCode == 0, install.ToString());

        var ecrlint = Path.Combine(tools, OperatingSystem.IsWindows() ? "ecrlint.exe" : "ecrlint");
        var version = DotnetProcess.Run(ecrlint, tools, null, "--version");
        Assert.True(version.ExitCode == 0, version.ToString());

        var work = packages.NewFolder("lint");
        Directory.CreateDirectory(Path.Combine(work, "policies"));
        File.WriteAllText(Path.Combine(work, PullPath), PullPolicy);
        // The command of docs/ci/github-actions.yml.
        var run = DotnetProcess.Run(ecrlint, work, null, CiExampleTests.LintCommand.Split(' ')[1..]);
        Assert.True(run.ExitCode == 1, "an error finding exits with 1: " + run);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "ecrlint.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("ECR403", result.GetProperty("ruleId").GetString());
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(PullPath, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(4, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(37, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    /// <summary>
    /// A net10.0 class library referencing EcrLint and the AWS CDK, with a bad, a fragile and an open (ECR204) policy
    /// file and a policy in C#.
    /// </summary>
    private string CreateApp(string name)
    {
        var app = packages.NewConsumer(name);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- Amazon.CDK.Lib 2.160.0 asks for Constructs 10.0.0, which nuget.org no longer lists. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EcrLint" Version="{packages.Version}" />
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Policies.cs"), PoliciesCs);
        Directory.CreateDirectory(Path.Combine(app, "policies"));
        File.WriteAllText(Path.Combine(app, PullPath), PullPolicy);
        File.WriteAllText(Path.Combine(app, GuardPath), GuardPolicy);
        File.WriteAllText(Path.Combine(app, OpenPath), OpenPolicy);
        return app;
    }

    private static CommandResult Build(string app, params string[] extra) =>
        DotnetProcess.Dotnet(app, null, new[] { "build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" }.Concat(extra).ToArray());

    /// <summary>The analyzers loaded (no CS8032), ran without crashing (no AD0001), and nothing else went wrong.</summary>
    private static void AssertAnalyzersLoaded(CommandResult build)
    {
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", build.Output, StringComparison.Ordinal);
    }

    public sealed record Finding(string File, int Line, int Column, string Severity, string Id)
    {
        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}";
    }

    private static List<Finding> Sorted(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();

    /// <summary>The distinct ECR diagnostics of a build's output (MSBuild canonical lines), with paths relative to the app.</summary>
    private static List<Finding> Findings(CommandResult build, string app)
    {
        var found = new HashSet<Finding>();
        foreach (Match m in DiagnosticLine().Matches(build.Output))
        {
            var file = m.Groups["file"].Value;
            if (Path.IsPathRooted(file)) file = Path.GetRelativePath(app, file);
            found.Add(new Finding(file.Replace('\\', '/'), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["sev"].Value, m.Groups["id"].Value));
        }

        return Sorted(found);
    }

    [GeneratedRegex(@"^\s*(?<file>[^\r\n]+?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<id>ECR\d{3}):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
