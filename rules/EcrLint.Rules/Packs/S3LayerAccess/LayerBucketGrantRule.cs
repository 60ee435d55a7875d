using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.S3LayerAccess;

/// <summary>
/// ECR102: an Allow statement that names the ECR layer bucket grants more than <c>s3:GetObject</c>
/// (<c>s3:*</c>, <c>s3:Get*</c>, <c>s3:PutObject</c>, <c>*</c>, or NotAction) (F30). The fix narrows Action to
/// <c>s3:GetObject</c> when every resource of the statement is a layer bucket ARN.
/// </summary>
public sealed class LayerBucketGrantRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR102 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.S3Endpoint;

    public override void Analyze(PolicyContext context)
    {
        foreach (var s in context.Policy.Statements)
        {
            if (s.Effect != StatementEffect.Allow || s.Resource is null) continue;
            var layerValues = s.Resource.Values.Where(v => v.IsKnown && Arn.MentionsStarport(v.Value)).ToList();
            if (layerValues.Count == 0) continue;
            var onlyLayerBucket = !s.Resource.HasUnknownValues && layerValues.Count == s.Resource.Values.Count;
            var what = onlyLayerBucket ? "narrow Action to \"s3:GetObject\"" : "give the layer bucket a statement of its own with only \"s3:GetObject\"";

            if (s.NotAction is not null)
            {
                context.Report(RuleCatalog.ECR102, s.NotAction.NameLocation,
                    $"{LayerBucket.Capitalized(s.Describe())} grants every action but those in \"NotAction\" on the ECR layer bucket: pulls need only s3:GetObject on it (F30); {what}.");
                continue;
            }

            if (s.Action is null) continue;
            Fix? fix = null;
            if (onlyLayerBucket && s.Action.Node is { } node)
            {
                var text = s.Document.Text;
                var replacement = s.Action.IsArray
                    ? (node.Span.Length > 1 && text[node.Span.Start + 1] == ' ' ? "[ \"s3:GetObject\" ]" : "[\"s3:GetObject\"]")
                    : JsonEdits.Quote(LayerBucket.GetObject);
                fix = new Fix("Narrow Action to s3:GetObject", s.Document, JsonEdits.ReplaceNode(node, replacement), "NarrowLayerBucketActions");
            }

            foreach (var v in s.Action.Values)
            {
                var extra = Beyond(context, v.Value);
                if (extra is null) continue;
                context.Report(RuleCatalog.ECR102, v.Location,
                    $"`{v.Value}` grants {extra} on the ECR layer bucket: pulls need only s3:GetObject on it, and the bucket belongs to AWS (F30); {what}.",
                    fix);
            }
        }
    }

    /// <summary>What an action pattern grants beyond s3:GetObject (for the message), or null.</summary>
    private static string? Beyond(PolicyContext context, string pattern)
    {
        var others = context.Iam.Match(pattern)
            .Where(a => a.Service == "s3" && !string.Equals(a.Name, "GetObject", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.FullName)
            .ToList();
        if (others.Count == 0) return null;
        if (others.Count == 1) return $"`{others[0]}`";
        var sample = string.Join(", ", others.Where(a => a is "s3:PutObject" or "s3:DeleteObject" or "s3:GetObjectAcl" or "s3:ListBucket").Take(3).Select(a => "`" + a + "`"));
        return $"{others.Count} S3 actions besides s3:GetObject{(sample.Length > 0 ? " (" + sample + " ...)" : "")}";
    }
}
