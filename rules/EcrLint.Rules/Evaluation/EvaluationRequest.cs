using System;
using System.Collections.Generic;
using System.Linq;

namespace EcrLint.Evaluation;

public enum RequestPrincipalKind
{
    /// <summary>Some principal nobody named: matches only <c>"*"</c> / <c>{"AWS": "*"}</c> principals.</summary>
    Anyone,

    /// <summary>A specific IAM principal (role, user, account root) given by its ARN.</summary>
    Arn,

    /// <summary>An AWS service principal (<c>ecr.amazonaws.com</c>).</summary>
    Service,

    /// <summary>A principal owned by AWS, outside the user's accounts (the ECR presigned layer download).</summary>
    AwsOwned,
}

/// <summary>Who makes the request.</summary>
public sealed class RequestPrincipal
{
    private RequestPrincipal(RequestPrincipalKind kind, string? value, string? account)
    {
        Kind = kind;
        Value = value;
        Account = account;
    }

    public static RequestPrincipal Anyone { get; } = new(RequestPrincipalKind.Anyone, null, null);

    public static RequestPrincipal AwsOwned { get; } = new(RequestPrincipalKind.AwsOwned, null, null);

    public static RequestPrincipal Service(string name) => new(RequestPrincipalKind.Service, name, null);

    /// <summary>An IAM principal ARN (<c>arn:aws:iam::111122223333:role/app</c>) or a 12-digit account.</summary>
    public static RequestPrincipal Arn(string arn)
    {
        var account = arn.Length == 12 && arn.All(char.IsDigit) ? arn : null;
        var parts = arn.Split(':');
        if (account is null && parts.Length >= 6 && parts[0] == "arn") account = parts[4];
        return new RequestPrincipal(RequestPrincipalKind.Arn, arn, account);
    }

    public RequestPrincipalKind Kind { get; }
    public string? Value { get; }
    public string? Account { get; }

    public override string ToString() => Kind switch
    {
        RequestPrincipalKind.Anyone => "any principal",
        RequestPrincipalKind.AwsOwned => "an AWS-owned principal",
        _ => Value!,
    };
}

public enum ContextValueKind
{
    /// <summary>The key is not in the request.</summary>
    Absent,

    /// <summary>The key is in the request with these values.</summary>
    Known,

    /// <summary>The key is in the request with a value nobody can know (e.g. an AWS-owned account ID): it equals no literal written in a policy.</summary>
    Foreign,

    /// <summary>Nothing is known: present or not, any value.</summary>
    Unknown,
}

/// <summary>The value of a condition key in a request.</summary>
public sealed class ContextValue
{
    private ContextValue(ContextValueKind kind, IReadOnlyList<string> values)
    {
        Kind = kind;
        Values = values;
    }

    public static ContextValue Absent { get; } = new(ContextValueKind.Absent, Array.Empty<string>());
    public static ContextValue Unknown { get; } = new(ContextValueKind.Unknown, Array.Empty<string>());
    public static ContextValue Foreign { get; } = new(ContextValueKind.Foreign, Array.Empty<string>());

    public static ContextValue Of(params string[] values) => new(ContextValueKind.Known, values);

    public ContextValueKind Kind { get; }
    public IReadOnlyList<string> Values { get; }
}

/// <summary>A request to evaluate a policy against: who, what action, on what, in what context.</summary>
public sealed class EvaluationRequest
{
    public EvaluationRequest(RequestPrincipal principal, string action, string resource)
    {
        Principal = principal;
        Action = action;
        Resource = resource;
    }

    public RequestPrincipal Principal { get; }

    /// <summary><c>service:Action</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN (or <c>*</c>). With <see cref="ResourceIsPrefix"/>, any resource that starts with it.</summary>
    public string Resource { get; }

    /// <summary>
    /// True when the request is for some resource under <see cref="Resource"/> whose rest is not known (an object
    /// key under a bucket): a statement then matches only when it matches every such resource.
    /// </summary>
    public bool ResourceIsPrefix { get; init; }

    /// <summary>Condition keys (case-insensitive) and their values in this request.</summary>
    public IDictionary<string, ContextValue> Context => _context ??= new Dictionary<string, ContextValue>(StringComparer.OrdinalIgnoreCase);

    // Created on first use: most requests carry no condition keys.
    private Dictionary<string, ContextValue>? _context;

    /// <summary>What a key not in <see cref="Context"/> is taken to be. Unknown by default: the evaluator does not guess.</summary>
    public ContextValue DefaultContextValue { get; init; } = ContextValue.Unknown;

    public ContextValue Lookup(string key) => _context is not null && _context.TryGetValue(key, out var v) ? v : DefaultContextValue;

    public EvaluationRequest With(string key, ContextValue value)
    {
        Context[key] = value;
        return this;
    }

    public override string ToString() => $"{Principal} calling {Action} on {Resource}{(ResourceIsPrefix ? "…" : "")}";
}
