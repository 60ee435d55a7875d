using System.Collections.Generic;
using System.Linq;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>
/// ECR401: <c>Version</c> missing. ECR402: policy variables used while Version is not 2012-10-17, so IAM does
/// not substitute them (F38). Both fixes add (or correct) <c>"Version": "2012-10-17"</c> as the first element.
/// </summary>
public sealed class VersionRule : PolicyRule
{
    public const string CurrentVersion = "2012-10-17";

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR401, RuleCatalog.ECR402 };

    public override bool ChecksJsonText => true;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        if (policy.HasCurrentVersion) return;

        var variable = FirstVariable(policy);
        if (variable is not null)
        {
            var why = policy.Version is not null ? $"\"Version\" is \"{policy.Version.Value}\""
                : policy.Root?.Get("Version") is not null ? "\"Version\" is not a string"
                : "\"Version\" is missing";
            context.Report(RuleCatalog.ECR402, variable.Location,
                $"The policy variable in `{variable.Value}` is taken literally because {why}: IAM substitutes ${{...}} only with \"Version\": \"{CurrentVersion}\"; set it.",
                VersionFix(policy, RuleCatalog.ECR402));
        }
        else if (policy.Version is null && policy.Root?.Get("Version") is null)
        {
            context.Report(RuleCatalog.ECR401, policy.AnchorLocation,
                $"The policy has no \"Version\": without \"{CurrentVersion}\" policy variables are not substituted and some features are off; add \"Version\": \"{CurrentVersion}\".",
                VersionFix(policy, RuleCatalog.ECR401));
        }
    }

    private static PolicyValue? FirstVariable(PolicyDocument policy)
    {
        foreach (var s in policy.Statements)
        {
            var values = new[] { s.Resource, s.NotResource }
                .Where(l => l is not null)
                .SelectMany(l => l!.Values)
                .Concat(s.Conditions.SelectMany(c => c.Values.Values));
            foreach (var v in values)
            {
                if (v.IsKnown && HasVariable(v.Value)) return v;
            }
        }

        return null;
    }

    /// <summary>True when the value holds a policy variable (<c>${aws:username}</c>), escapes like <c>${*}</c> aside.</summary>
    public static bool HasVariable(string value)
    {
        var i = value.IndexOf("${", System.StringComparison.Ordinal);
        while (i >= 0)
        {
            var close = value.IndexOf('}', i + 2);
            if (close < 0) return false;
            var name = value.Substring(i + 2, close - i - 2);
            if (name is not ("*" or "?" or "$") && name.Length > 0) return true;
            i = value.IndexOf("${", close, System.StringComparison.Ordinal);
        }

        return false;
    }

    private static Fix? VersionFix(PolicyDocument policy, RuleDescriptor rule)
    {
        if (policy.Version?.Node is { } node)
            return new Fix(rule.FixTitle!, policy.Document, JsonEdits.ReplaceString(node, CurrentVersion), "SetVersion");
        // A Version that is not a string is ECR412's; inserting a second one would make a duplicate key.
        if (policy.Version is not null || policy.Root is null || policy.Root.Get("Version") is not null) return null;
        return new Fix(rule.FixTitle!, policy.Document, JsonEdits.InsertProperty(policy.Root, "Version", CurrentVersion, atStart: true), "SetVersion");
    }
}
