using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Engine;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// ECR203: <c>ecr:GetAuthorizationToken</c> allowed only by statements scoped to repository ARNs. The call is
/// registry-wide and authorized only against <c>"Resource": "*"</c> (F33), so such a grant gives no token and
/// pulls fail, unless another Allow covers the token on <c>*</c> for the same principals.
/// </summary>
public sealed class AuthorizationTokenResourceRule : PolicyRule
{
    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR203 };

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        var variables = policy.HasCurrentVersion;
        List<PolicyStatement>? relevant = null;
        var tokenDecisions = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var s in policy.Statements)
        {
            if (!IsRepositoryScopedGrant(s, variables)) continue;
            relevant ??= policy.Statements.Where(x => x.IsEvaluable && PolicyEvaluator.MatchAction(x, ActionText.GetAuthorizationToken) != Truth.False).ToList();

            // The principals of this statement that no other statement gives the token on "*".
            var without = new List<NamedPrincipal>();
            foreach (var p in StatementHelpers.PrincipalsOf(s, includeHolder: true))
            {
                // The answer depends on the principal only: asked once per principal (a large policy repeats them).
                var key = (int)p.Request.Kind + "|" + p.Request.Value + "|" + p.Request.Account;
                if (!tokenDecisions.TryGetValue(key, out var decision))
                {
                    var candidates = relevant.Where(x => StatementHelpers.AppliesTo(x, p.Request) != Truth.False);
                    decision = PolicyEvaluator.Evaluate(candidates, new EvaluationRequest(p.Request, ActionText.GetAuthorizationToken, "*"), variables, policy.HasUnknownStatements).Decision;
                    tokenDecisions[key] = decision;
                }

                if (decision == Decision.ImplicitDeny && !without.Any(w => w.Display == p.Display)) without.Add(p);
            }

            if (without.Count == 0) continue;
            var at = TokenValue(s);
            if (at is null) continue;

            var resources = s.Resource!.Values.Select(v => "`" + v.Value + "`").Take(3).ToList();
            if (s.Resource.Values.Count > 3) resources.Add($"{s.Resource.Values.Count - 3} more");
            var who = s.Principal is null && s.NotPrincipal is null
                ? "the policy's holder gets no token"
                : StatementHelpers.JoinAnd(without.Select(p => p.Display).ToList()) + (without.Count == 1 ? " gets" : " get") + " no token";
            var named = string.Equals(at.Value, ActionText.GetAuthorizationToken, StringComparison.OrdinalIgnoreCase) ? "ecr:GetAuthorizationToken" : $"`{at.Value}` (which covers ecr:GetAuthorizationToken)";
            context.Report(RuleCatalog.ECR203, at.Location,
                $"{Capitalize(s.Describe())} allows {named} only on repository ARNs ({string.Join(", ", resources)}), but the call is registry-wide and IAM authorizes it only against \"Resource\": \"*\" (F33): {who}, so image pulls fail; allow ecr:GetAuthorizationToken in a statement with \"Resource\": \"*\".",
                BuildFix(policy, s, at));
        }
    }

    private static string Capitalize(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s.Substring(1) : s;

    /// <summary>
    /// An Allow whose Action covers <c>ecr:GetAuthorizationToken</c> (named or by a wildcard) and whose resources
    /// are all ECR repository ARNs, none of which covers <c>*</c>.
    /// </summary>
    internal static bool IsRepositoryScopedGrant(PolicyStatement s, bool variablesEnabled)
    {
        if (s.Effect != StatementEffect.Allow || !s.IsEvaluable || s.Action is null) return false;
        if (s.Resource is null || s.Resource.HasUnknownValues || s.Resource.Values.Count == 0) return false;
        if (PolicyEvaluator.MatchAction(s, ActionText.GetAuthorizationToken) != Truth.True) return false;
        foreach (var v in s.Resource.Values)
        {
            if (!PolicyKindDetector.IsEcrRepositoryArn(v.Value)) return false;
            if (PolicyEvaluator.ResourcePatternMatches(v.Value, "*", false, variablesEnabled) != Truth.False) return false;
        }

        return true;
    }

    /// <summary>The value that names the token: written out if it is, else the first wildcard that covers it.</summary>
    private static PolicyValue? TokenValue(PolicyStatement s)
    {
        var values = s.Action!.Values;
        return values.FirstOrDefault(v => string.Equals(v.Value, ActionText.GetAuthorizationToken, StringComparison.OrdinalIgnoreCase))
            ?? values.FirstOrDefault(v => PolicyEvaluator.ActionPatternMatches(v.Value, ActionText.GetAuthorizationToken));
    }

    /// <summary>
    /// When the token is the statement's only action: its Resource becomes <c>"*"</c>. When it is one item of an
    /// Action array: it moves to a new statement with the same Principal and Condition on <c>"*"</c>. A wildcard
    /// that covers it is left alone (narrowing it is a choice).
    /// </summary>
    private static Fix? BuildFix(PolicyDocument policy, PolicyStatement s, PolicyValue at)
    {
        var rule = RuleCatalog.ECR203;
        if (at.Node is null || s.Action!.Node is null || s.Resource!.Node is null) return null;
        if (!string.Equals(at.Value, ActionText.GetAuthorizationToken, StringComparison.OrdinalIgnoreCase)) return null;
        var others = s.Action.Values.Where(v => !string.Equals(v.Value, ActionText.GetAuthorizationToken, StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count == 0)
        {
            return new Fix("Use \"Resource\": \"*\" for ecr:GetAuthorizationToken", policy.Document,
                JsonEdits.ReplaceNode(s.Resource.Node, JsonEdits.Quote("*")), "SplitAuthorizationToken");
        }

        if (s.Action.Node is not JsonArray array || s.Action.HasUnknownValues || at.Node.Parent != array) return null;
        var statement = StatementHelpers.StarStatementLike(policy, s, ActionText.GetAuthorizationToken);
        if (statement is null) return null;
        var append = JsonEdits.AppendStatement(policy, statement);
        if (append is null) return null;

        // Remove every occurrence of the token from this Action array, last first so indices stay valid.
        var edits = new List<TextEdit>();
        foreach (var item in array.Items.Reverse())
        {
            if (item is JsonString str && string.Equals(str.Value, ActionText.GetAuthorizationToken, StringComparison.OrdinalIgnoreCase))
                edits.Add(JsonEdits.RemoveArrayItem(array, item.Index));
        }

        if (edits.Count != 1) return null; // Two removals from one array could share a separator; leave duplicates to ECR414.
        edits.Add(append);
        var combined = StatementHelpers.Combine(policy.Document.Text, edits);
        return combined is null ? null : new Fix(rule.FixTitle!, policy.Document, combined, "SplitAuthorizationToken");
    }
}
