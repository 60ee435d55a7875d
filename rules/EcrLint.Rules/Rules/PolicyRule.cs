using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EcrLint.Policy;

namespace EcrLint.Rules;

/// <summary>
/// A rule over one policy document: a small pure function from the model (and the context: kind, region,
/// account, IAM data) to findings. Rules never throw on odd input; they skip what they cannot read.
/// </summary>
public abstract class PolicyRule
{
    /// <summary>The rules this implementation reports (most report one).</summary>
    public abstract IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>Whether the rule looks at policies of this kind.</summary>
    public virtual bool AppliesTo(PolicyKind kind) => true;

    public abstract void Analyze(PolicyContext context);

    /// <summary>
    /// Whether the rule is about how the policy is written as JSON (element names and types, duplicate keys, the
    /// Version line, the size of the text): nothing a policy built with typed APIs, like the AWS CDK's, can get wrong,
    /// so such policies are not given to it.
    /// </summary>
    public virtual bool ChecksJsonText => false;

    private static readonly Lazy<IReadOnlyList<PolicyRule>> s_all = new(() =>
        typeof(PolicyRule).GetTypeInfo().Assembly.GetTypes()
            .Where(t => !t.GetTypeInfo().IsAbstract && typeof(PolicyRule).GetTypeInfo().IsAssignableFrom(t.GetTypeInfo()))
            .Select(t => (PolicyRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptors[0].Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every policy rule in the engine, created once.</summary>
    public static IReadOnlyList<PolicyRule> All => s_all.Value;
}
