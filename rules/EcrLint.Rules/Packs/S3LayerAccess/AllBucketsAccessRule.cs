using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>
/// ECR105: every principal may read objects of every bucket through the endpoint. ECR107: every principal may
/// write or delete objects of every bucket. Decided by evaluating the policy for an anonymous
/// (<c>"Principal": "*"</c>) request on a bucket no policy names; conditions the evaluator cannot decide keep
/// both rules silent. The full-access default (F31) is ECR106's, not these rules'.
/// </summary>
public sealed class AllBucketsAccessRule : PolicyRule
{
    /// <summary>A bucket no policy names: a request on it is granted only by patterns that cover every bucket.</summary>
    private const string ProbeBucket = "ecrlint-probe-any-bucket";

    private static readonly string[] WriteActions = { "s3:PutObject", "s3:DeleteObject" };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR105, RuleCatalog.ECR107 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.S3Endpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (LayerBucket.IsFullAccessDefault(policy)) return;

        foreach (var partition in Partitions(context))
        {
            var prefix = $"arn:{partition}:s3:::{ProbeBucket}/";
            var reported = false;
            if (context.IsEnabled(RuleCatalog.ECR105)) reported |= ReportReads(context, prefix);
            if (context.IsEnabled(RuleCatalog.ECR107)) reported |= ReportWrites(context, prefix);
            if (reported) return;
        }
    }

    private static bool ReportReads(PolicyContext context, string prefix)
    {
        var policy = context.Policy;
        var result = PolicyEvaluator.Evaluate(policy, Request("s3:GetObject", prefix));
        if (!result.IsAllowed) return false;
        var seen = new HashSet<TextSpan>();
        foreach (var s in result.DecidingStatements)
        {
            if (s.Resource is not null)
            {
                foreach (var v in s.Resource.Values)
                {
                    if (PolicyEvaluator.ResourcePatternMatches(v.Value, prefix, true, policy.HasCurrentVersion) != Truth.True || !seen.Add(v.Span)) continue;
                    context.Report(RuleCatalog.ECR105, v.Location,
                        $"`{v.Value}` lets every principal in the VPC read objects of every bucket through this endpoint ({s.Describe()}), including buckets outside your accounts: beyond least privilege (F30); name the buckets your workloads use, and `arn:aws:s3:::prod-REGION-starport-layer-bucket/*` for ECR.",
                        new[] { s });
                }
            }
            else if (s.NotResource is not null && seen.Add(s.NotResource.NameSpan))
            {
                context.Report(RuleCatalog.ECR105, s.NotResource.NameLocation,
                    $"{LayerBucket.Capitalized(s.Describe())} lets every principal in the VPC read objects of every bucket but those in \"NotResource\": beyond least privilege (F30); name the buckets your workloads use instead.",
                    new[] { s });
            }
        }

        return seen.Count > 0;
    }

    private static bool ReportWrites(PolicyContext context, string prefix)
    {
        var policy = context.Policy;
        var granted = new List<(PolicyStatement Statement, SourceLocation Location, string Text, List<string> Actions)>();
        foreach (var action in WriteActions)
        {
            var result = PolicyEvaluator.Evaluate(policy, Request(action, prefix));
            if (!result.IsAllowed) continue;
            foreach (var s in result.DecidingStatements)
            {
                if (s.Action is not null)
                {
                    foreach (var v in s.Action.Values)
                    {
                        if (!PolicyEvaluator.ActionPatternMatches(v.Value, action)) continue;
                        Add(s, v.Location, "`" + v.Value + "`", action);
                    }
                }
                else if (s.NotAction is not null)
                {
                    Add(s, s.NotAction.NameLocation, "\"NotAction\"", action);
                }
            }
        }

        foreach (var (s, location, text, actions) in granted)
        {
            var verbs = actions.Count == 2 ? "write and delete" : actions[0] == "s3:PutObject" ? "write" : "delete";
            var resources = s.Resource is not null ? string.Join(", ", s.Resource.Values.Select(v => "`" + v.Value + "`")) : "all but its \"NotResource\"";
            context.Report(RuleCatalog.ECR107, location,
                $"{text} lets every principal in the VPC {verbs} objects in every bucket ({resources}) through this endpoint ({s.Describe()}), including buckets outside your accounts: a path to exfiltrate or destroy data; grant {string.Join(" and ", actions)} only on the buckets that need it, to the principals that need it.",
                new[] { s });
        }

        return granted.Count > 0;

        void Add(PolicyStatement s, SourceLocation location, string text, string action)
        {
            var i = granted.FindIndex(g => g.Location.Span == location.Span);
            if (i < 0) granted.Add((s, location, text, new List<string> { action }));
            else if (!granted[i].Actions.Contains(action)) granted[i].Actions.Add(action);
        }
    }

    private static EvaluationRequest Request(string action, string prefix) =>
        new(RequestPrincipal.Anyone, action, prefix) { ResourceIsPrefix = true };

    /// <summary>The endpoint's partition when the region is known; else the partitions the policy's ARNs name, and <c>aws</c>.</summary>
    private static IEnumerable<string> Partitions(PolicyContext context)
    {
        if (LayerBucket.KnownRegion(context) is not null)
        {
            yield return context.Partition;
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { "aws" };
        yield return "aws";
        foreach (var s in context.Policy.Statements)
        {
            foreach (var v in ((IEnumerable<PolicyValue>?)s.Resource?.Values ?? Array.Empty<PolicyValue>()).Concat((IEnumerable<PolicyValue>?)s.NotResource?.Values ?? Array.Empty<PolicyValue>()))
            {
                if (Arn.TryParse(v.Value, out var arn) && context.Iam.Partition(arn.Partition) is not null && seen.Add(arn.Partition)) yield return arn.Partition;
            }
        }
    }
}
