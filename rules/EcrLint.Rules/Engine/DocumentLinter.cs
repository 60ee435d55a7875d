using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EcrLint.CloudFormation;
using EcrLint.Deployed;
using EcrLint.Docker;
using EcrLint.Endpoints;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Engine;

/// <summary>
/// Lints the documents that hold more than one policy: CloudFormation templates (JSON and YAML, cdk.out
/// included), <c>aws ec2 describe-vpc-endpoints</c> output and Docker <c>daemon.json</c>. Templates and describe
/// output give <see cref="VpcScope"/>s to the endpoint-set rules (<see cref="EndpointRule"/>) and their policies to
/// every policy rule, located inside the file (inside JSON strings too); daemon configurations go to the
/// <see cref="DaemonRule"/>s.
/// </summary>
public static class DocumentLinter
{
    /// <summary>True when the file is read as YAML: <c>.yaml</c>/<c>.yml</c>, or another extension (not <c>.json</c>) whose content does not start with <c>{</c> or <c>[</c>.</summary>
    public static bool IsYaml(string path, string text)
    {
        var ext = Path.GetExtension(path);
        if (string.Equals(ext, ".yaml", StringComparison.OrdinalIgnoreCase) || string.Equals(ext, ".yml", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(ext, ".json", StringComparison.OrdinalIgnoreCase)) return false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }

            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c != '{' && c != '[';
            i++;
        }

        return false;
    }

    /// <summary>True when unparseable text still looks like a CloudFormation template (reported, not skipped, in a folder walk).</summary>
    public static bool LooksLikeTemplate(string text) =>
        text.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0
        || text.StartsWith("Resources:", StringComparison.Ordinal) || text.IndexOf("\nResources:", StringComparison.Ordinal) >= 0
        || text.IndexOf("\"Resources\"", StringComparison.Ordinal) >= 0;

    /// <summary>The kind from content and name (rules.md "File kinds"), daemon configurations and cdk.out manifests included.</summary>
    public static InputKind DetectKind(string path, JsonNode root)
    {
        var kind = Linter.DetectKind(root);
        if (kind != InputKind.Auto) return kind;
        if (CloudAssembly.IsManifest(path, root)) return InputKind.Template;
        if (DaemonConfig.IsDaemonConfig(path, root)) return InputKind.Daemon;
        return InputKind.Auto;
    }

    /// <summary>Lints a parsed template, describe output or daemon configuration into <paramref name="result"/>.</summary>
    public static void Lint(FileLintResult result, JsonNode root, InputKind kind, LintContext context, bool explicitFile = true)
    {
        switch (kind)
        {
            case InputKind.Template when CloudAssembly.IsManifest(result.Path, root):
                if (!explicitFile)
                {
                    // A folder walk lints the stack templates themselves (they take their environment from this manifest).
                    result.Recognized = false;
                    return;
                }

                foreach (var r in LintCloudAssembly(CloudAssembly.ReadManifest(result.Path, (JsonObject)root), context))
                {
                    result.Findings.AddRange(r.Findings);
                    if (r.ReadError is not null) result.ReadError ??= r.ReadError;
                }

                return;
            case InputKind.Template:
            {
                if (root is not JsonObject o || (o["Resources"] is not JsonObject && o["AWSTemplateFormatVersion"] is null))
                {
                    Error(result, context, root, "not a CloudFormation template: the top level needs a \"Resources\" object");
                    return;
                }

                var stack = CloudAssembly.StackFor(result.Path);
                var env = new CfnEnvironment
                {
                    Region = stack?.Region ?? context.Region,
                    Account = stack?.Account ?? context.Account,
                    StackName = stack?.StackName,
                };
                result.Findings.AddRange(LintTemplate(o, env, context));
                return;
            }

            case InputKind.Describe:
                if (root is not JsonObject d || !DescribeOutput.IsDescribeOutput(d))
                {
                    Error(result, context, root, "not an `aws ec2 describe-vpc-endpoints` output: the top level needs a \"VpcEndpoints\" array");
                    return;
                }

                result.Findings.AddRange(LintDescribe(d, context));
                return;
            case InputKind.Daemon:
                if (root is not JsonObject c)
                {
                    Error(result, context, root, $"not a Docker daemon configuration: the top level is {root.KindName}, an object is expected");
                    return;
                }

                result.Findings.AddRange(LintDaemon(DaemonConfig.Read(c), context));
                return;
            default:
                Error(result, context, root, $"{kind.ToText()} files are not linted by this version of EcrLint");
                return;
        }
    }

    /// <summary>
    /// Lints a template: the endpoint-set rules on each VPC, every policy rule on each policy (with the template's
    /// region and account as context), then <c>Metadata.ecrlint.suppress</c>. Findings carry JSON pointers.
    /// </summary>
    public static List<Finding> LintTemplate(JsonObject root, CfnEnvironment environment, LintContext context)
    {
        var template = CfnTemplate.Read(root, IsYamlDocument(root.Document));
        var model = TemplateModel.Build(template, environment);
        var settings = new LintContext { Region = environment.Region, Account = environment.Account, Severities = context.Severities };
        var findings = new List<Finding>();
        foreach (var vpc in model.Vpcs) RunVpcRules(vpc, settings, findings);
        foreach (var policy in model.Policies)
        {
            // An endpoint policy's region is its endpoint's (a literal service name), else the template's.
            var policySettings = policy.Region is null || policy.Region == settings.Region ? settings
                : new LintContext { Region = policy.Region, Account = settings.Account, Severities = settings.Severities };
            findings.AddRange(LintEmbedded(policy, policySettings, root, keepFixes: true));
        }
        SetPointers(findings, root);
        TemplateSuppressions.Apply(template, findings, context);
        SetPointers(findings, root);
        return Distinct(findings);
    }

    /// <summary>Lints a describe output: the endpoint-set rules per VPC, the policy rules on each policy string (region from its service name).</summary>
    public static List<Finding> LintDescribe(JsonObject root, LintContext context)
    {
        var model = DescribeOutput.Read(root);
        var findings = new List<Finding>();
        foreach (var vpc in model.Vpcs)
        {
            var settings = new LintContext { Region = vpc.Region?.Value ?? context.Region, Account = context.Account, Severities = context.Severities };
            RunVpcRules(vpc, settings, findings);
        }

        foreach (var policy in model.Policies)
        {
            var settings = new LintContext { Region = policy.Region ?? context.Region, Account = context.Account, Severities = context.Severities };
            // The output reports deployed state: editing it changes nothing, so no fixes are offered.
            findings.AddRange(LintEmbedded(policy, settings, root, keepFixes: false));
        }

        findings = findings.Select(f => f.Fix is null ? f : YamlFixes.WithFix(f, null)).ToList();
        SetPointers(findings, root);
        return Distinct(findings);
    }

    public static List<Finding> LintDaemon(DaemonConfig config, LintContext context)
    {
        var findings = new List<Finding>();
        var ctx = new DaemonContext(config, context, findings);
        foreach (var rule in DaemonRule.All)
        {
            if (!rule.Descriptors.Any(context.IsEnabled)) continue;
            rule.Analyze(ctx);
        }

        SetPointers(findings, config.Root);
        return Distinct(findings);
    }

    /// <summary>
    /// Lints every stack template of a cloud assembly (<c>cdk.out</c>) with the region and account of its
    /// manifest environment (else the context's). One result per template, in manifest order.
    /// </summary>
    public static List<FileLintResult> LintCloudAssembly(string directory, LintContext context)
    {
        var plan = CloudAssembly.Plan(directory);
        return plan is null ? new List<FileLintResult>() : LintCloudAssembly(plan, context);
    }

    public static List<FileLintResult> LintCloudAssembly(CloudAssemblyPlan plan, LintContext context)
    {
        var results = new List<FileLintResult>();
        foreach (var stack in plan.Stacks)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(stack.TemplatePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                results.Add(new FileLintResult(stack.TemplatePath) { ReadError = $"the template of stack {stack.ArtifactId} cannot be read: {e.Message}" });
                continue;
            }

            var stackContext = new LintContext { Region = stack.Region ?? context.Region, Account = stack.Account ?? context.Account, Severities = context.Severities };
            results.Add(Linter.LintFile(stack.TemplatePath, bytes, stackContext, InputKind.Template));
        }

        return results;
    }

    /// <summary>In a YAML document, keeps only the fixes whose edits are valid YAML (JSON edits of scalars and flow collections).</summary>
    public static void KeepYamlSafeFixes(List<Finding> findings, JsonNode root)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Fix is null) continue;
            if (!ReferenceEquals(f.Fix.Document, root.Document) || !YamlFixes.AreSafe(f.Fix.Edits, root)) findings[i] = YamlFixes.WithFix(f, null);
        }
    }

    private static void RunVpcRules(VpcScope vpc, LintContext settings, List<Finding> findings) => findings.AddRange(EndpointRule.Run(vpc, settings));

    private static IEnumerable<Finding> LintEmbedded(EmbeddedPolicy policy, LintContext settings, JsonNode fileRoot, bool keepFixes)
    {
        foreach (var (location, message) in policy.Errors)
        {
            var severity = settings.Severities.For(RuleCatalog.ECR400);
            if (severity == Severity.None) continue;
            yield return new Finding(RuleCatalog.ECR400, severity, message, location) { Pointer = policy.PointerOf(location, fileRoot) };
        }

        if (policy.Policy is null) yield break;
        foreach (var f in Linter.LintPolicy(policy.Policy, policy.Kind, settings))
        {
            var fix = keepFixes && f.Fix is not null ? policy.Translate(f.Fix) : null;
            var translated = YamlFixes.WithFix(f, fix);
            translated.Pointer ??= policy.PointerOf(f.Location, fileRoot);
            yield return translated;
        }
    }

    private static void SetPointers(List<Finding> findings, JsonNode root)
    {
        foreach (var f in findings)
        {
            if (f.Pointer is not null) continue;
            var (doc, span) = f.Location.Outer;
            if (ReferenceEquals(doc, root.Document)) f.Pointer = CfnTemplate.PointerOf(root, span);
        }
    }

    /// <summary>One finding per rule, location and message (a task definition shared by two services is reported once).</summary>
    private static List<Finding> Distinct(List<Finding> findings)
    {
        var seen = new HashSet<(string, string, int, int, string)>();
        var result = new List<Finding>();
        foreach (var f in findings)
        {
            var span = f.Location.FileSpan;
            if (seen.Add((f.RuleId, f.Location.Path, span.Start, span.End, f.Message))) result.Add(f);
        }

        return result;
    }

    private static void Error(FileLintResult result, LintContext context, JsonNode root, string message)
    {
        var severity = context.Severities.For(RuleCatalog.ECR400);
        if (severity == Severity.None) severity = Severity.Error;
        var span = root is JsonObject ? new TextSpan(root.Span.Start, Math.Min(1, root.Span.Length)) : root.Span;
        result.Findings.Add(new Finding(RuleCatalog.ECR400, severity, message, new SourceLocation(root.Document, span)) { Pointer = "" });
    }

    private static bool IsYamlDocument(SourceDocument doc) => IsYaml(doc.Path, doc.Text);
}
