using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using EcrLint.Evaluation;
using EcrLint.Iam;
using EcrLint.Policy;

namespace EcrLint.Packs.EcrActions;

/// <summary>What is wrong with an action value, if anything.</summary>
internal enum ActionProblem
{
    None,
    Empty,
    Whitespace,
    NoServicePrefix,
    EmptyActionName,
    UnknownService,
    PatternMatchesNothing,
    UnknownEcrAction,
    UnknownAction,
}

/// <summary>An action value read against the IAM data: its parts, the action it names, or what is wrong with it.</summary>
internal sealed class ActionInfo
{
    public ActionInfo(string value, ActionProblem problem, string? service = null, string? name = null, IamAction? action = null, bool isPattern = false)
    {
        Value = value;
        Problem = problem;
        Service = service;
        Name = name;
        Action = action;
        IsPattern = isPattern;
    }

    public string Value { get; }
    public ActionProblem Problem { get; }

    /// <summary>The service prefix as written (null for <c>*</c> and values without a prefix).</summary>
    public string? Service { get; }

    /// <summary>The part after the first colon, as written.</summary>
    public string? Name { get; }

    /// <summary>The action named exactly (no wildcards), when the IAM data knows it.</summary>
    public IamAction? Action { get; }

    /// <summary>True for values with <c>*</c> or <c>?</c> (the lone <c>*</c> included).</summary>
    public bool IsPattern { get; }

    public bool IsValid => Problem == ActionProblem.None;
}

/// <summary>
/// Reads action values (<c>ecr:BatchGetImage</c>, <c>s3:Get*</c>, <c>*</c>) against the IAM data. The success
/// path is a few dictionary lookups; wildcard patterns expand only within their service, and nearest-name
/// suggestions run only for values that are wrong.
/// </summary>
internal static class ActionText
{
    public const string BatchGetImage = "ecr:BatchGetImage";
    public const string GetDownloadUrlForLayer = "ecr:GetDownloadUrlForLayer";
    public const string GetAuthorizationToken = "ecr:GetAuthorizationToken";

    /// <summary>Suggestions are not computed for values longer than this (nothing that long is a typo of an action).</summary>
    private const int MaxSuggestionInput = 256;

    private const int MaxCachedSuggestions = 4096;

    private static readonly char[] Separators = { '.', '/', ';', '-', '_', ',' };

    private static readonly ConcurrentDictionary<string, StrongBox<string?>> SuggestionCache = new(StringComparer.Ordinal);

    public static ActionInfo Classify(string value, IamData iam)
    {
        if (value.Length == 0) return new ActionInfo(value, ActionProblem.Empty);
        if (value == "*") return new ActionInfo(value, ActionProblem.None, isPattern: true);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) return new ActionInfo(value, ActionProblem.Whitespace);
        }

        var colon = value.IndexOf(':');
        if (colon <= 0) return new ActionInfo(value, ActionProblem.NoServicePrefix, name: colon == 0 ? value.Substring(1) : value);
        var service = value.Substring(0, colon);
        var name = value.Substring(colon + 1);
        if (name.Length == 0) return new ActionInfo(value, ActionProblem.EmptyActionName, service, name);

        var serviceIsPattern = service.IndexOfAny(Glob.WildcardChars) >= 0;
        if (!serviceIsPattern && !iam.IsKnownService(service)) return new ActionInfo(value, ActionProblem.UnknownService, service, name);

        if (serviceIsPattern || name.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            var matches = iam.Match(value).Any();
            return new ActionInfo(value, matches ? ActionProblem.None : ActionProblem.PatternMatchesNothing, service, name, isPattern: true);
        }

        if (iam.TryGetAction(value, out var action)) return new ActionInfo(value, ActionProblem.None, service, name, action);
        var ecr = string.Equals(service, "ecr", StringComparison.OrdinalIgnoreCase);
        return new ActionInfo(value, ecr ? ActionProblem.UnknownEcrAction : ActionProblem.UnknownAction, service, name);
    }

    /// <summary>
    /// The one valid value the writer most likely meant, or null when there is none or more than one. Written in
    /// AWS's casing for named actions.
    /// </summary>
    public static string? Suggest(ActionInfo info, IamData iam)
    {
        var value = info.Value;
        if (info.IsValid || value.Length > MaxSuggestionInput) return null;
        // The same typo tends to be copied into many files: remember the answers (the data never changes).
        if (SuggestionCache.TryGetValue(value, out var cached)) return cached.Value;
        var suggestion = SuggestUncached(info, iam);
        if (SuggestionCache.Count >= MaxCachedSuggestions) SuggestionCache.Clear();
        SuggestionCache[value] = new StrongBox<string?>(suggestion);
        return suggestion;
    }

    private static string? SuggestUncached(ActionInfo info, IamData iam)
    {
        var value = info.Value;
        switch (info.Problem)
        {
            case ActionProblem.Whitespace:
            {
                var trimmed = value.Trim();
                if (trimmed.Length > 0 && Canonical(trimmed, iam) is { } t) return t;
                var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray());
                return squeezed.Length > 0 && squeezed != trimmed ? Canonical(squeezed, iam) : null;
            }

            case ActionProblem.NoServicePrefix:
                return SuggestPrefix(value, info.Name ?? value, iam);

            case ActionProblem.UnknownService:
            {
                // Prefer the services that have this very action name; else the nearest service name overall.
                var name = info.Name!;
                var withName = name.IndexOfAny(Glob.WildcardChars) >= 0
                    ? iam.ServicePrefixes.Where(s => iam.Match(s + ":" + name).Any()).ToList()
                    : iam.ServicePrefixes.Where(s => iam.TryGetAction(s + ":" + name, out _)).ToList();
                var service = Suggestions.Nearest(info.Service!, withName) ?? Suggestions.Nearest(info.Service!, iam.ServicePrefixes);
                return service is null ? null : Canonical(service + ":" + name, iam);
            }

            case ActionProblem.UnknownEcrAction:
            case ActionProblem.UnknownAction:
                return Suggestions.Nearest(value, iam.ActionsOf(info.Service!).Select(a => a.FullName));

            default:
                return null;
        }
    }

    /// <summary>The value in AWS's casing when it is a valid action or pattern; else null.</summary>
    public static string? Canonical(string value, IamData iam)
    {
        var info = Classify(value, iam);
        if (!info.IsValid) return null;
        if (info.Action is not null) return info.Action.FullName;
        return CanonicalPattern(info) ?? value;
    }

    /// <summary>For a valid pattern whose service prefix is written without wildcards: the pattern with the prefix in lower case.</summary>
    public static string? CanonicalPattern(ActionInfo info)
    {
        if (!info.IsPattern || info.Service is null || info.Service.IndexOfAny(Glob.WildcardChars) >= 0) return null;
        return info.Service.ToLowerInvariant() + ":" + info.Name;
    }

    private static string? SuggestPrefix(string value, string name, IamData iam)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        // A wrong separator: "ecr.BatchGetImage", "ecr/BatchGetImage".
        foreach (var sep in Separators)
        {
            var i = value.IndexOf(sep);
            while (i > 0 && i < value.Length - 1)
            {
                var candidate = Canonical(value.Substring(0, i) + ":" + value.Substring(i + 1), iam);
                if (candidate is not null) candidates.Add(candidate);
                i = value.IndexOf(sep, i + 1);
            }
        }

        // A bare action name that exactly one service has.
        if (name.Length > 0 && name.IndexOfAny(Glob.WildcardChars) < 0 && name.IndexOf(':') < 0)
        {
            foreach (var service in iam.ServicePrefixes)
            {
                if (iam.TryGetAction(service + ":" + name, out var action)) candidates.Add(action.FullName);
                if (candidates.Count > 1) break;
            }
        }

        return candidates.Count == 1 ? candidates.First() : null;
    }

    /// <summary>Every action value of a statement (Action and NotAction) that is a literal.</summary>
    public static IEnumerable<PolicyValue> ActionValues(PolicyStatement s)
    {
        if (s.Action is not null)
        {
            foreach (var v in s.Action.Values)
            {
                if (v.IsKnown) yield return v;
            }
        }

        if (s.NotAction is not null)
        {
            foreach (var v in s.NotAction.Values)
            {
                if (v.IsKnown) yield return v;
            }
        }
    }

    /// <summary>The service prefix of a value as written, trimmed (<c>ecr-public</c> of <c> ecr-public:Get*</c>), or null.</summary>
    public static string? ServiceOf(string value)
    {
        var t = value.Trim();
        var colon = t.IndexOf(':');
        return colon > 0 ? t.Substring(0, colon) : null;
    }
}
