using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Engine;
using EcrLint.Evaluation;
using EcrLint.Fixes;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.EcrActions;

/// <summary>
/// ECR202: in an ECR endpoint policy, a principal is allowed some of the three pull actions
/// (<c>ecr:BatchGetImage</c>, <c>ecr:GetDownloadUrlForLayer</c> on the repository, <c>ecr:GetAuthorizationToken</c>
/// on <c>*</c>) but definitively denied another (F33). Decided by the evaluator for every principal the policy's
/// Allow statements name and every repository in scope; an outcome that depends on a condition is not a finding.
/// </summary>
public sealed class PullSetRule : PolicyRule
{
    /// <summary>Caps that keep the evaluation linear on generated policies (principals × repositories × 3 evaluations).</summary>
    internal const int MaxPrincipals = 24;
    internal const int MaxRepositories = 24;

    private static readonly string[] PullActions = { ActionText.BatchGetImage, ActionText.GetDownloadUrlForLayer, ActionText.GetAuthorizationToken };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR202 };

    public override bool AppliesTo(PolicyKind kind) => kind == PolicyKind.EcrEndpoint;

    public override void Analyze(PolicyContext context)
    {
        var policy = context.Policy;
        var variables = policy.HasCurrentVersion;

        // Only statements that can match a pull action take part: the others cannot change these decisions.
        var relevant = policy.Statements.Where(s => s.IsEvaluable && PullActions.Any(a => PolicyEvaluator.MatchAction(s, a) != Truth.False)).ToList();
        var allows = relevant.Where(s => s.Effect == StatementEffect.Allow).ToList();
        if (allows.Count == 0) return;

        var principals = new List<NamedPrincipal>();
        foreach (var s in allows)
        {
            if (s.Principal is null) continue;
            foreach (var p in StatementHelpers.PrincipalsOf(s, includeHolder: false))
            {
                if (p.Request.Kind is not (RequestPrincipalKind.Anyone or RequestPrincipalKind.Arn)) continue;
                if (principals.Count < MaxPrincipals && !principals.Any(x => x.Display == p.Display)) principals.Add(p);
            }
        }

        if (principals.Count == 0) return;
        var repositories = Repositories(policy.Statements.Where(s => s.Effect == StatementEffect.Allow && s.IsEvaluable), context);
        var findings = new Dictionary<string, PendingFinding>(StringComparer.Ordinal);
        List<(PolicyStatement Statement, string Action)>? misspelled = null;

        foreach (var principal in principals)
        {
            // Statements whose Principal excludes this one cannot decide for it; the token is registry-wide: one evaluation per principal.
            var mine = relevant.Where(s => StatementHelpers.AppliesTo(s, principal.Request) != Truth.False).ToList();
            var scopedTokenGrants = mine.Where(s => AuthorizationTokenResourceRule.IsRepositoryScopedGrant(s, variables)).ToList();
            var tokenRequest = new EvaluationRequest(principal.Request, ActionText.GetAuthorizationToken, "*");
            var tokenResult = PolicyEvaluator.Evaluate(mine, tokenRequest, variables, policy.HasUnknownStatements);
            foreach (var repository in repositories)
            {
                var results = new EvaluationResult[PullActions.Length];
                var requests = new EvaluationRequest[PullActions.Length];
                for (var i = 0; i < PullActions.Length; i++)
                {
                    if (PullActions[i] == ActionText.GetAuthorizationToken)
                    {
                        requests[i] = tokenRequest;
                        results[i] = tokenResult;
                        continue;
                    }

                    requests[i] = new EvaluationRequest(principal.Request, PullActions[i], repository.Arn);
                    results[i] = PolicyEvaluator.Evaluate(mine, requests[i], variables, policy.HasUnknownStatements);
                }

                if (!results.Any(r => r.IsAllowed) || !results.Any(r => r.IsDenied)) continue;
                misspelled ??= Misspelled(policy.Statements.Where(x => x.Effect == StatementEffect.Allow && x.IsEvaluable), context);
                var allowed = Enumerable.Range(0, 3).Where(i => results[i].IsAllowed).ToList();
                var missing = Enumerable.Range(0, 3).Where(i => results[i].IsDenied).ToList();
                // A token scoped to repositories is ECR203's finding (with its own fix); do not report it twice.
                missing.RemoveAll(i => PullActions[i] == ActionText.GetAuthorizationToken && results[i].Decision == Decision.ImplicitDeny
                    && scopedTokenGrants.Any(s => PolicyEvaluator.Matches(WithoutResource(s), requests[i], variables) == Truth.True));
                // A pull action an Allow statement names with a typo is ECR201/ECR205's finding (with its fix).
                missing.RemoveAll(i => results[i].Decision == Decision.ImplicitDeny && misspelled.Any(m => m.Action == PullActions[i]
                    && StatementHelpers.WouldMatchWithAction(m.Statement, requests[i], variables) == Truth.True));
                if (allowed.Count == 0 || missing.Count == 0) continue;

                // Statements that allow a repository action come first: their resources are the ones the user chose for pulls.
                var allowing = allowed.OrderBy(i => PullActions[i] == ActionText.GetAuthorizationToken ? 1 : 0)
                    .SelectMany(i => results[i].DecidingStatements.OrderBy(s => s.Index)).Distinct().ToList();
                var implicitOnly = missing.All(i => results[i].Decision == Decision.ImplicitDeny);
                var (anchor, plan) = ChooseStatement(policy, allowing, missing.Select(i => requests[i]).ToList(), implicitOnly, variables);
                var denies = missing.SelectMany(i => results[i].DecidingStatements).Distinct().OrderBy(s => s.Index).ToList();

                var key = anchor.Index + "|" + string.Join(",", missing.Select(i => i + (results[i].Decision == Decision.ExplicitDeny ? "d" : ""))) + "|" + string.Join(",", denies.Select(d => d.Index));
                if (!findings.TryGetValue(key, out var f))
                {
                    f = new PendingFinding(anchor, plan, missing.Select(i => PullActions[i]).ToList(), allowed.Select(i => PullActions[i]).ToList(), denies, allowing);
                    f.ExplicitlyDenied.AddRange(missing.Where(i => results[i].Decision == Decision.ExplicitDeny).Select(i => PullActions[i]));
                    findings.Add(key, f);
                }

                if (!f.Principals.Contains(principal.Display)) f.Principals.Add(principal.Display);
                if (repository.Named && !f.Repositories.Contains(repository.Arn)) f.Repositories.Add(repository.Arn);
                foreach (var i in Enumerable.Range(0, 3).Where(i => results[i].Decision == Decision.Unknown))
                {
                    var why = $"whether {PullActions[i]} is allowed cannot be proven ({results[i].DescribeUnknowns()})";
                    if (!f.Unknowns.Contains(why)) f.Unknowns.Add(why);
                }
            }
        }

        foreach (var f in findings.Values.OrderBy(f => f.Anchor.Index))
        {
            var location = f.Anchor.Actions is { } list ? list.NameLocation : f.Anchor.AnchorLocation;
            var deciding = f.Allowing.Concat(f.Denies).Distinct().OrderBy(s => s.Index).ToList();
            context.Report(RuleCatalog.ECR202, location, Message(f), deciding, BuildFix(policy, f));
        }
    }

    private sealed class Repository
    {
        public Repository(string arn, bool named)
        {
            Arn = arn;
            Named = named;
        }

        public string Arn { get; }

        /// <summary>False for the generic repository used when the policy names none.</summary>
        public bool Named { get; }
    }

    private sealed class PendingFinding
    {
        public PendingFinding(PolicyStatement anchor, FixPlan? plan, List<string> missing, List<string> allowed, List<PolicyStatement> denies, List<PolicyStatement> allowing)
        {
            Anchor = anchor;
            Plan = plan;
            Missing = missing;
            Allowed = allowed;
            Denies = denies;
            Allowing = allowing;
        }

        public PolicyStatement Anchor { get; }
        public FixPlan? Plan { get; }
        public List<string> Missing { get; }
        public List<string> Allowed { get; }
        public List<PolicyStatement> Denies { get; }
        public List<PolicyStatement> Allowing { get; }
        public List<string> Principals { get; } = new();
        public List<string> Repositories { get; } = new();
        public List<string> Unknowns { get; } = new();

        /// <summary>The missing actions a Deny blocks (the others no statement allows).</summary>
        public List<string> ExplicitlyDenied { get; } = new();
    }

    /// <summary>How the missing actions can be granted through one statement.</summary>
    private sealed class FixPlan
    {
        public FixPlan(List<string> addToAction, bool appendTokenStatement)
        {
            AddToAction = addToAction;
            AppendTokenStatement = appendTokenStatement;
        }

        /// <summary>Actions the statement's Action list gets: its resources, principal and condition already fit them.</summary>
        public List<string> AddToAction { get; }

        /// <summary>The token, when the statement's resources do not cover <c>*</c>: a new statement with the same Principal on <c>*</c>.</summary>
        public bool AppendTokenStatement { get; }
    }

    /// <summary>
    /// The ECR repository ARNs the Allow statements name, as written; when there are none, a generic repository
    /// in the context's region and account (wildcards when unknown).
    /// </summary>
    private static List<Repository> Repositories(IEnumerable<PolicyStatement> allows, PolicyContext context)
    {
        var result = new List<Repository>();
        foreach (var s in allows)
        {
            if (s.Resource is null) continue;
            foreach (var v in s.Resource.Values)
            {
                if (result.Count >= MaxRepositories) break;
                if (PolicyKindDetector.IsEcrRepositoryArn(v.Value) && !result.Any(r => r.Arn == v.Value)) result.Add(new Repository(v.Value, true));
            }
        }

        if (result.Count == 0)
            result.Add(new Repository($"arn:{context.Partition}:ecr:{context.Region ?? "*"}:{context.Account ?? "*"}:repository/app", false));
        return result;
    }

    /// <summary>The pull actions that Allow statements name with a typo ECR201/ECR205 would correct.</summary>
    private static List<(PolicyStatement Statement, string Action)> Misspelled(IEnumerable<PolicyStatement> allows, PolicyContext context)
    {
        var result = new List<(PolicyStatement, string)>();
        foreach (var s in allows)
        {
            if (s.Action is null) continue;
            foreach (var v in s.Action.Values)
            {
                var info = ActionText.Classify(v.Value, context.Iam);
                if (info.IsValid) continue;
                var suggestion = ActionText.Suggest(info, context.Iam);
                if (suggestion is not null && Array.IndexOf(PullActions, suggestion) >= 0) result.Add((s, suggestion));
            }
        }

        return result;
    }

    private static PolicyStatement WithoutResource(PolicyStatement s)
    {
        var clone = new PolicyStatement(s.Index, s.Document, s.Span)
        {
            Effect = s.Effect,
            Principal = s.Principal,
            NotPrincipal = s.NotPrincipal,
            Action = s.Action,
            NotAction = s.NotAction,
            HasUnknownConditions = s.HasUnknownConditions,
        };
        clone.Conditions.AddRange(s.Conditions);
        return clone;
    }

    /// <summary>
    /// The statement the finding is reported on: among those that allow the other pull actions (those that allow
    /// a repository action first), the first that can take every missing action in its Action list, else the first
    /// that can with a separate token statement, else the first.
    /// </summary>
    private static (PolicyStatement Anchor, FixPlan? Plan) ChooseStatement(PolicyDocument policy, List<PolicyStatement> allowing, List<EvaluationRequest> missing, bool implicitOnly, bool variables)
    {
        (PolicyStatement, FixPlan)? withAppend = null;
        if (implicitOnly)
        {
            foreach (var s in allowing)
            {
                if (s.Action is null || s.Effect != StatementEffect.Allow) continue;
                var add = new List<string>();
                var append = false;
                var ok = true;
                foreach (var request in missing)
                {
                    if (StatementHelpers.WouldMatchWithAction(s, request, variables) == Truth.True) add.Add(request.Action);
                    else if (request.Action == ActionText.GetAuthorizationToken) append = true;
                    else ok = false;
                }

                if (!ok) continue;
                if (!append) return (s, new FixPlan(add, false));
                withAppend ??= (s, new FixPlan(add, true));
            }
        }

        if (withAppend is { } w) return w;
        return (allowing[0], null);
    }

    private static string Message(PendingFinding f)
    {
        var principals = f.Principals.Count <= 3 ? StatementHelpers.JoinAnd(f.Principals) : StatementHelpers.JoinAnd(f.Principals.Take(3).Concat(new[] { $"{f.Principals.Count - 3} more principals" }).ToList());
        var verb = f.Principals.Count == 1 ? "is" : "are";
        var repos = f.Repositories.Count == 0 ? "" : " on " + StatementHelpers.JoinAnd(f.Repositories.Take(3).Select(r => "`" + r + "`").Concat(f.Repositories.Count > 3 ? new[] { $"{f.Repositories.Count - 3} more repositories" } : Array.Empty<string>()).ToList());
        var allowed = StatementHelpers.JoinAnd(f.Allowed);
        var missing = StatementHelpers.JoinAnd(f.Missing);
        var blocked = f.Missing.Where(f.ExplicitlyDenied.Contains).ToList();
        var unallowed = f.Missing.Where(a => !f.ExplicitlyDenied.Contains(a)).ToList();
        var reasons = new List<string>();
        if (blocked.Count > 0)
        {
            var them = unallowed.Count == 0 ? (blocked.Count == 1 ? "it" : "them") : StatementHelpers.JoinAnd(blocked);
            reasons.Add($"{StatementHelpers.JoinAnd(f.Denies.Select(d => d.Describe()).ToList())} {(f.Denies.Count == 1 ? "denies" : "deny")} {them}");
        }

        if (unallowed.Count > 0)
            reasons.Add($"no statement allows {(blocked.Count == 0 ? (unallowed.Count == 1 ? "it" : "them") : StatementHelpers.JoinAnd(unallowed))}");
        var why = string.Join("; ", reasons);
        string what;
        if (f.Denies.Count > 0)
            what = "narrow the Deny, or drop the partial grant if pulls are not meant to work";
        else if (f.Plan is not { } plan)
            what = $"allow {missing} to the same principals";
        else if (!plan.AppendTokenStatement)
            what = $"add {missing} to {f.Anchor.Describe()}";
        else if (plan.AddToAction.Count > 0)
            what = $"add {StatementHelpers.JoinAnd(plan.AddToAction)} to {f.Anchor.Describe()} and allow ecr:GetAuthorizationToken in a statement with \"Resource\": \"*\"";
        else
            what = "allow ecr:GetAuthorizationToken to the same principals in a statement with \"Resource\": \"*\" (it is authorized only against `*`)";
        var unknown = f.Unknowns.Count > 0 ? " (" + string.Join("; ", f.Unknowns) + ")" : "";
        return $"{Capitalize(principals)} {verb} allowed {allowed}{repos} but not {missing} ({why}): an image pull needs all three of ecr:BatchGetImage, ecr:GetDownloadUrlForLayer and ecr:GetAuthorizationToken (F33), so pulls through the endpoint fail; {what}.{unknown}";
    }

    private static string Capitalize(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s.Substring(1) : s;

    private static Fix? BuildFix(PolicyDocument policy, PendingFinding f)
    {
        if (f.Plan is not { } plan || f.Anchor.Action?.Node is null || f.Anchor.Action.HasUnknownValues) return null;
        var edits = new List<TextEdit>();
        if (plan.AddToAction.Count > 0) edits.Add(JsonEdits.AddToValueList(f.Anchor.Action.Node, plan.AddToAction));
        if (plan.AppendTokenStatement)
        {
            var statement = StatementHelpers.StarStatementLike(policy, f.Anchor, ActionText.GetAuthorizationToken);
            var append = statement is null ? null : JsonEdits.AppendStatement(policy, statement);
            if (append is null) return null;
            edits.Add(append);
        }

        var combined = StatementHelpers.Combine(policy.Document.Text, edits);
        if (combined is null || combined.Count == 0) return null;
        return new Fix(RuleCatalog.ECR202.FixTitle!, policy.Document, combined, "AddMissingPullActions");
    }
}
