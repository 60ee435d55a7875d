using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EcrLint.Evaluation;
using EcrLint.Iam;
using EcrLint.Policy;
using EcrLint.Rules;

namespace EcrLint.Packs.DeleteGuard;

/// <summary>What the delete-guard rules share: which statements are deletion guards, and the repositories in scope.</summary>
public static class DeleteGuards
{
    public const string DeleteRepository = "ecr:DeleteRepository";

    /// <summary>The Sid F34 uses; the ECR301 fix adds a statement with it.</summary>
    public const string GuardSid = "PreventDelete";

    private static readonly Regex GuardSidPattern = new(
        @"(?:prevent|deny|block|protect|guard|forbid|disallow|stop|no|lock)[\W_]*(?:repo\w*?)?[\W_]*delet|delet\w*?[\W_]*(?:guard|protect|block|deny|lock)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>True for a Sid that says the statement prevents repository deletion (<c>PreventDelete</c>, <c>DenyDelete</c>, <c>DeleteGuard</c> ...).</summary>
    public static bool SidSaysGuard(PolicyStatement s) =>
        s.Sid is { } sid && GuardSidPattern.IsMatch(sid.Value) && sid.Value.IndexOf("image", StringComparison.OrdinalIgnoreCase) < 0;

    /// <summary>An <c>ecr:</c> action that does not exist and whose nearest action is <c>ecr:DeleteRepository</c>.</summary>
    public static bool IsMisspelledDeleteRepository(string value, IamData iam)
    {
        if (!value.StartsWith("ecr:", StringComparison.OrdinalIgnoreCase) || value.IndexOfAny(Glob.WildcardChars) >= 0) return false;
        if (iam.TryGetAction(value, out _)) return false;
        return Suggestions.Nearest(value, iam.ActionsOf("ecr").Select(a => a.FullName)) == DeleteRepository;
    }

    /// <summary>The value names <c>ecr:DeleteRepository</c> (any casing) or misspells it.</summary>
    public static bool NamesDeleteRepository(string value, IamData iam) =>
        string.Equals(value, DeleteRepository, StringComparison.OrdinalIgnoreCase) || IsMisspelledDeleteRepository(value, iam);

    /// <summary>A statement aimed at repository deletion: its Action names ecr:DeleteRepository (or misspells it), or its Sid says so.</summary>
    public static bool IsAimed(PolicyStatement s, IamData iam) =>
        SidSaysGuard(s) || (s.Action?.Values.Any(v => NamesDeleteRepository(v.Value, iam)) ?? false);

    /// <summary>
    /// An aimed Allow that is a guard written the wrong way round: its Sid says guard, or it allows only
    /// ecr:DeleteRepository, to everyone, unconditionally (a grant nobody writes on purpose).
    /// </summary>
    public static bool IsInvertedGuard(PolicyStatement s, IamData iam)
    {
        if (s.Effect != StatementEffect.Allow || !IsAimed(s, iam)) return false;
        if (SidSaysGuard(s)) return true;
        return s.Action is { HasUnknownValues: false } action && action.Values.All(v => NamesDeleteRepository(v.Value, iam))
            && s.Principal is { } p && p.MatchesEveryone && s.Conditions.Count == 0 && !s.HasUnknownConditions;
    }

    /// <summary>The policy means to guard deletion: an aimed statement that is not a grant (Deny, or an Effect ECR403 reports), or an inverted guard.</summary>
    public static bool HasGuardIntent(PolicyDocument policy, IamData iam) =>
        policy.Statements.Any(s => IsAimed(s, iam) && (s.Effect != StatementEffect.Allow || IsInvertedGuard(s, iam)));

    /// <summary>The working guards: aimed Deny statements that can be evaluated and whose actions cover ecr:DeleteRepository.</summary>
    public static List<PolicyStatement> Guards(PolicyDocument policy, IamData iam) =>
        policy.Statements.Where(s => s.Effect == StatementEffect.Deny && s.IsEvaluable && IsAimed(s, iam)
            && PolicyEvaluator.MatchAction(s, DeleteRepository) == Truth.True).ToList();

    /// <summary>The distinct ECR repository ARNs (patterns included) the Resource of these statements name, in order.</summary>
    public static List<PolicyValue> Repositories(IEnumerable<PolicyStatement> statements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<PolicyValue>();
        foreach (var s in statements)
        {
            if (s.Resource is null) continue;
            foreach (var v in s.Resource.Values)
            {
                if (v.IsKnown && Arn.TryParse(v.Value, out var arn) && arn.IsEcrRepository && seen.Add(v.Value)) result.Add(v);
            }
        }

        return result;
    }

    /// <summary>Anyone deleting the repositories a value names: a pattern ending in one <c>*</c> stands for every repository under it.</summary>
    public static EvaluationRequest DeleteRequest(string repositoryArn)
    {
        var star = repositoryArn.IndexOfAny(Glob.WildcardChars);
        var prefix = star == repositoryArn.Length - 1 && repositoryArn[star] == '*';
        return new EvaluationRequest(RequestPrincipal.Anyone, DeleteRepository, prefix ? repositoryArn.Substring(0, star) : repositoryArn) { ResourceIsPrefix = prefix };
    }

    /// <summary>Whether one of the guard's Resource values certainly covers the repositories of <paramref name="repositoryArn"/>.</summary>
    public static bool Covers(PolicyStatement guard, string repositoryArn, bool variablesEnabled)
    {
        if (guard.Resource is null) return guard.NotResource is null;
        var request = DeleteRequest(repositoryArn);
        return guard.Resource.Values.Any(v => PolicyEvaluator.ResourcePatternMatches(v.Value, request.Resource, request.ResourceIsPrefix, variablesEnabled) == Truth.True);
    }

    /// <summary>
    /// Why a Resource value of a guard is not an ECR repository ARN (ECR302): another service's ARN, not an ARN,
    /// or an ECR ARN without <c>repository/</c>; null when it is one, <c>"*"</c>, a pattern that can match one, or
    /// holds a policy variable.
    /// </summary>
    public static string? ResourceProblem(PolicyValue v)
    {
        var text = v.Value;
        if (!v.IsKnown || text == "*" || text.IndexOf("${", StringComparison.Ordinal) >= 0) return null;
        if (!text.StartsWith("arn:", StringComparison.Ordinal)) return $"`{text}` is not an ARN";
        if (!Arn.TryParse(text, out var arn)) return null; // A wrong field count is ECR406's.
        if (!Glob.Get(arn.Service, ignoreCase: false).IsMatch("ecr"))
            return $"`{text}` is {(arn.Service.Length == 0 ? "an ARN without a service" : $"an ARN of `{arn.Service}`")}, not of an ECR repository";
        if (!arn.Resource.StartsWith("repository/", StringComparison.Ordinal)
            && Glob.Get(arn.Resource, ignoreCase: false).MatchesAllWithPrefix("repository/") == Truth.False)
            return $"`{text}` has no `repository/` before the repository name";
        return null;
    }

    /// <summary>
    /// True when ECR302 reports this Resource value (a deletion guard's resource that is not an ECR repository
    /// ARN): a rule that checks ARNs in general (ECR406) can leave the value to it, so one token gets one finding.
    /// </summary>
    public static bool IsReportedAsGuardResource(PolicyContext context, PolicyStatement s, PolicyValue v) =>
        context.Kind == PolicyKind.EcrEndpoint && context.IsEnabled(RuleCatalog.ECR302)
        && s.Effect == StatementEffect.Deny && s.Resource is not null && s.Resource.Values.Contains(v)
        && IsAimed(s, context.Iam) && ResourceProblem(v) is not null;

    /// <summary>"The Deny `X` (line 3)".</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
