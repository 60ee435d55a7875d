using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Engine;

/// <summary>The result of linting one input.</summary>
public sealed class FileLintResult
{
    public FileLintResult(string path)
    {
        Path = path;
    }

    /// <summary>The path as given (relative paths stay relative).</summary>
    public string Path { get; }

    /// <summary>The decoded document, when the bytes could be decoded.</summary>
    public SourceDocument? Document { get; set; }

    /// <summary>The kind the file was linted as.</summary>
    public InputKind Kind { get; set; }

    /// <summary>False when a file found by a folder walk is not a kind EcrLint lints (it is skipped, and counted).</summary>
    public bool Recognized { get; set; } = true;

    public List<Finding> Findings { get; } = new();

    /// <summary>Set when the file could not be read at all (I/O error); exit code 2.</summary>
    public string? ReadError { get; set; }
}

/// <summary>The engine's entry point: decode, parse, detect the kind, run the rules.</summary>
public static class Linter
{
    /// <summary>The most characters an endpoint policy may have (F31).</summary>
    public const int MaxEndpointPolicyLength = 20_480;

    /// <summary>
    /// Lints one file's bytes. <paramref name="explicitFile"/> is true for files the user named (an unknown
    /// kind is then an ECR400), false for files found by a folder walk (an unknown kind is skipped).
    /// </summary>
    public static FileLintResult LintFile(string path, byte[] bytes, LintContext context, InputKind kind = InputKind.Auto, bool explicitFile = true)
    {
        var result = new FileLintResult(path);
        var decoded = SourceLoader.Decode(path, bytes);
        var doc = decoded.Document;
        result.Document = doc;
        if (decoded.Error is not null)
        {
            Report(result, context, RuleCatalog.ECR400, doc, decoded.ErrorSpan, decoded.Error);
            return result;
        }

        if (kind == InputKind.Auto) kind = InputKinds.FromFileName(path);
        var yaml = DocumentLinter.IsYaml(path, doc.Text);
        var parsed = yaml ? YamlParser.Parse(doc) : JsonParser.Parse(doc);
        if (parsed.Error is not null)
        {
            if (!explicitFile && kind == InputKind.Auto && !(yaml ? DocumentLinter.LooksLikeTemplate(doc.Text) : LooksLikeJsonInput(doc.Text) || DocumentLinter.LooksLikeTemplate(doc.Text)))
            {
                result.Recognized = false;
                return result;
            }

            Report(result, context, RuleCatalog.ECR400, doc, parsed.Error.Span, parsed.Error.Message);
            return result;
        }

        var root = parsed.Root!;
        if (kind == InputKind.Auto) kind = DocumentLinter.DetectKind(path, root);
        result.Kind = kind;
        if (kind.IsPolicy())
        {
            if (root is not JsonObject obj)
            {
                Report(result, context, RuleCatalog.ECR400, doc, root.Span, $"not a policy document: the top level is {root.KindName}, a JSON object with a \"Statement\" is expected");
                return result;
            }

            var policy = PolicyBinder.Bind(obj);
            var policyKind = kind == InputKind.Policy || (kind == InputKind.Auto) ? PolicyKindDetector.Detect(policy) : kind.ToPolicyKind();
            if (kind == InputKind.Policy) result.Kind = policyKind switch
            {
                PolicyKind.S3Endpoint => InputKind.S3Endpoint,
                PolicyKind.EcrEndpoint => InputKind.EcrEndpoint,
                PolicyKind.Identity => InputKind.Identity,
                _ => InputKind.Policy,
            };
            result.Findings.AddRange(LintPolicy(policy, policyKind, context));
            foreach (var f in result.Findings) f.Pointer ??= JsonNavigation.FindDeepest(root, f.Location.Span).Pointer;
            if (yaml) DocumentLinter.KeepYamlSafeFixes(result.Findings, root);
            return result;
        }

        if (kind is InputKind.Template or InputKind.Describe or InputKind.Daemon)
        {
            DocumentLinter.Lint(result, root, kind, context, explicitFile);
            return result;
        }

        if (!explicitFile && kind == InputKind.Auto)
        {
            result.Recognized = false;
            return result;
        }

        var what = "not a policy document: there is no top-level \"Statement\" (pass --kind if the file is one)";
        Report(result, context, RuleCatalog.ECR400, doc, root is JsonObject ? new TextSpan(root.Span.Start, 1) : root.Span, what);
        return result;
    }

    /// <summary>Runs every policy rule that applies to the kind and is enabled. Used by every front end.</summary>
    public static List<Finding> LintPolicy(PolicyDocument policy, PolicyKind kind, LintContext context) => LintPolicy(policy, kind, context, builtWithTypes: false);

    /// <param name="policy">The policy.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="context">The run's settings.</param>
    /// <param name="builtWithTypes">
    /// The policy was built with typed APIs (AWS CDK statements in C#), not written as JSON: the rules about JSON text
    /// (<see cref="PolicyRule.ChecksJsonText"/>) are not run.
    /// </param>
    public static List<Finding> LintPolicy(PolicyDocument policy, PolicyKind kind, LintContext context, bool builtWithTypes)
    {
        var findings = new List<Finding>();
        var ctx = new PolicyContext(policy, kind, context, findings);
        foreach (var rule in PolicyRule.All)
        {
            if ((builtWithTypes && rule.ChecksJsonText) || !rule.AppliesTo(kind) || !context.AnyEnabled(rule)) continue;
            rule.Analyze(ctx);
        }

        return findings;
    }

    /// <summary>The kind from content (rules.md "File kinds").</summary>
    public static InputKind DetectKind(JsonNode root)
    {
        if (root is not JsonObject o) return InputKind.Auto;
        if (o.Get("Statement") is not null) return InputKind.Policy;
        if (o.Get("AWSTemplateFormatVersion") is not null || o.Get("Resources") is not null) return InputKind.Template;
        if (o.Get("VpcEndpoints")?.Value is JsonArray) return InputKind.Describe;
        return InputKind.Auto;
    }

    private static bool LooksLikeJsonInput(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith("{", StringComparison.Ordinal) && t.IndexOf("\"Statement\"", StringComparison.Ordinal) >= 0;
    }

    private static void Report(FileLintResult result, LintContext context, RuleDescriptor rule, SourceDocument doc, TextSpan span, string message)
    {
        var severity = context.Severities.For(rule);
        if (severity == Severity.None) severity = Severity.Error; // An unreadable file is never silent.
        result.Findings.Add(new Finding(rule, severity, message, new SourceLocation(doc, span)) { Pointer = "" });
    }

    /// <summary>Stable order: file, line, column, rule, message.</summary>
    public static IEnumerable<Finding> Ordered(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Start.Line)
            .ThenBy(f => f.Location.Start.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
}
