using System;
using System.Collections.Generic;
using System.Linq;

namespace EcrLint.Rules;

/// <summary>
/// The one place rule IDs, packs, severities, titles and help links are declared (the product contract of
/// rules.md). Rule implementations, the CLI's <c>--list-rules</c>, SARIF metadata and the docs index all read it.
/// </summary>
public static class RuleCatalog
{
    public const string HelpBaseUri = "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/";

    public const string Endpoints = "endpoints";
    public const string S3LayerAccess = "s3-layer-access";
    public const string EcrActions = "ecr-actions";
    public const string DeleteGuard = "delete-guard";
    public const string PolicyGrammar = "policy-grammar";
    public const string Windows = "windows";

    // Pack endpoints (ECR0xx): the endpoint set of one VPC.
    public static readonly RuleDescriptor ECR001 = new("ECR001", "MissingEcrDkrEndpoint", Endpoints, Severity.Error,
        "A PrivateLink-reliant VPC has no ecr.dkr interface endpoint: docker pulls cannot reach the registry.", "F1", "Add the ecr.dkr interface endpoint");
    public static readonly RuleDescriptor ECR002 = new("ECR002", "MissingEcrApiEndpoint", Endpoints, Severity.Error,
        "A VPC with an ecr.dkr endpoint has no ecr.api endpoint (needed by everything but Fargate Linux platform 1.3.0 and earlier).",
        "F2, F5", "Add the ecr.api interface endpoint");
    public static readonly RuleDescriptor ECR003 = new("ECR003", "MissingS3GatewayEndpoint", Endpoints, Severity.Error,
        "A VPC with ECR endpoints has no S3 gateway endpoint: image layers cannot be downloaded (an S3 interface endpoint does not count).",
        "F3", "Add the S3 gateway endpoint");
    public static readonly RuleDescriptor ECR004 = new("ECR004", "MissingLogsEndpoint", Endpoints, Severity.Warning,
        "Tasks use the awslogs log driver in a PrivateLink-reliant VPC without a logs endpoint.", "F6", "Add the logs interface endpoint");
    public static readonly RuleDescriptor ECR005 = new("ECR005", "MissingEcsEndpoints", Endpoints, Severity.Warning,
        "ECS on EC2 instances in a PrivateLink-reliant VPC without all of the ecs, ecs-agent and ecs-telemetry endpoints.", "F4", "Add the missing ECS interface endpoints");
    public static readonly RuleDescriptor ECR006 = new("ECR006", "EcrDkrPrivateDnsDisabled", Endpoints, Severity.Error,
        "The ecr.dkr endpoint has private DNS disabled, explicitly or by a default of false: docker does not use it.", "F1, F15", "Enable private DNS");
    public static readonly RuleDescriptor ECR007 = new("ECR007", "EcrApiPrivateDnsDisabled", Endpoints, Severity.Info,
        "The ecr.api endpoint has private DNS disabled: ECR API calls need an explicit endpoint URL to use it.", "F2", "Enable private DNS");
    public static readonly RuleDescriptor ECR008 = new("ECR008", "NoPathToRegistry", Endpoints, Severity.Warning,
        "Private ECR images run in a VPC without a route to the internet and without VPC endpoints: no path to the registry.",
        "F1, F2, F3", "Add the ECR endpoint set");
    public static readonly RuleDescriptor ECR009 = new("ECR009", "EndpointRegionMismatch", Endpoints, Severity.Error,
        "The endpoint's region differs from the stack's region or from the region of the ECR images pulled in the VPC.", "F8");
    public static readonly RuleDescriptor ECR010 = new("ECR010", "MalformedServiceName", Endpoints, Severity.Error,
        "Malformed service name for an ECR, S3, logs or ECS endpoint: wrong shape, unknown or placeholder region, or wrong prefix for the partition.",
        "F14", "Use the corrected service name");
    public static readonly RuleDescriptor ECR011 = new("ECR011", "WrongEndpointType", Endpoints, Severity.Error,
        "Wrong endpoint type: an ECR, logs or ECS service as a gateway endpoint, or S3 for ECR layers as an interface endpoint.", "F3");
    public static readonly RuleDescriptor ECR012 = new("ECR012", "EndpointSecurityGroupWithout443", Endpoints, Severity.Warning,
        "The interface endpoint's security groups do not admit TCP 443 from the VPC.", "F7");
    public static readonly RuleDescriptor ECR013 = new("ECR013", "S3GatewayWithoutRouteTables", Endpoints, Severity.Warning,
        "The S3 gateway endpoint is associated with no route tables: nothing reaches S3 through it.", "F3");
    public static readonly RuleDescriptor ECR014 = new("ECR014", "UpstreamImageWithoutPullThroughCache", Endpoints, Severity.Info,
        "An ECR Public or other upstream registry image is pulled in a PrivateLink-reliant VPC: a pull-through cache rule is suggested.", "F9");
    public static readonly RuleDescriptor ECR015 = new("ECR015", "PullThroughCacheWithoutNat", Endpoints, Severity.Warning,
        "A pull-through cache rule is in scope of a VPC without a NAT gateway: the first pull of an image fails.", "F12");
    public static readonly RuleDescriptor ECR016 = new("ECR016", "EcrEndpointPoliciesDiffer", Endpoints, Severity.Warning,
        "The ecr.api and ecr.dkr endpoints of the VPC carry different policies.", "F32");
    public static readonly RuleDescriptor ECR017 = new("ECR017", "CustomDnsWithPrivateDns", Endpoints, Severity.Info,
        "The VPC uses custom DHCP DNS servers and its endpoints rely on private DNS, which needs conditional forwarding.", "F10");

    // Pack s3-layer-access (ECR1xx): S3 gateway endpoint policies.
    public static readonly RuleDescriptor ECR101 = new("ECR101", "StarportLayerBucketNotAllowed", S3LayerAccess, Severity.Error,
        "A restrictive S3 endpoint policy does not allow s3:GetObject on the ECR layer bucket (prod-REGION-starport-layer-bucket): image pulls fail.",
        "F30, F36", "Add the starport statement");
    public static readonly RuleDescriptor ECR102 = new("ECR102", "StarportGrantTooBroad", S3LayerAccess, Severity.Warning,
        "The statement for the ECR layer bucket grants more than s3:GetObject.", "F30", "Narrow the actions to s3:GetObject");
    public static readonly RuleDescriptor ECR103 = new("ECR103", "MalformedStarportArn", S3LayerAccess, Severity.Error,
        "Malformed ECR layer bucket ARN: missing /*, placeholder or unknown region, misspelled name, region or account filled in, or wrong partition.",
        "F30, F35", "Correct the ARN");
    public static readonly RuleDescriptor ECR104 = new("ECR104", "StarportRegionMismatch", S3LayerAccess, Severity.Error,
        "The ECR layer bucket's region differs from the endpoint's region.", "F8, F30", "Use the endpoint's region");
    public static readonly RuleDescriptor ECR105 = new("ECR105", "S3ReadOnAllBuckets", S3LayerAccess, Severity.Warning,
        "The S3 endpoint policy allows object reads on every bucket to every principal: beyond least privilege.", "F30");
    public static readonly RuleDescriptor ECR106 = new("ECR106", "S3EndpointFullAccess", S3LayerAccess, Severity.Info,
        "S3 gateway endpoint with no policy or the full-access default: a least-privilege policy is suggested.", "F30, F31");
    public static readonly RuleDescriptor ECR107 = new("ECR107", "S3WriteOnAllBuckets", S3LayerAccess, Severity.Warning,
        "The S3 endpoint policy allows object writes or deletes on every bucket to every principal.", "F30");

    // Pack ecr-actions (ECR2xx).
    public static readonly RuleDescriptor ECR201 = new("ECR201", "UnknownEcrAction", EcrActions, Severity.Error,
        "Unknown ecr: action.", "F33", "Use the nearest valid action");
    public static readonly RuleDescriptor ECR202 = new("ECR202", "IncompletePullActions", EcrActions, Severity.Error,
        "A principal is allowed some but not all of ecr:BatchGetImage, ecr:GetDownloadUrlForLayer and ecr:GetAuthorizationToken: pulls fail.",
        "F33", "Add the missing pull actions");
    public static readonly RuleDescriptor ECR203 = new("ECR203", "AuthorizationTokenOnRepository", EcrActions, Severity.Error,
        "ecr:GetAuthorizationToken is allowed only on repository ARNs; it supports only \"Resource\": \"*\".", "F33", "Split it into a \"Resource\": \"*\" statement");
    public static readonly RuleDescriptor ECR204 = new("ECR204", "EcrWriteToEveryone", EcrActions, Severity.Warning,
        "Write, delete or permissions-management ECR actions are allowed to \"Principal\": \"*\" without a condition.", "F31, F34", offInRecommended: true);
    public static readonly RuleDescriptor ECR205 = new("ECR205", "MalformedAction", EcrActions, Severity.Error,
        "Malformed action: no service prefix, whitespace, empty, unknown service, or a wildcard that matches no action.", "", "Use the nearest valid action");
    public static readonly RuleDescriptor ECR206 = new("ECR206", "EcrPublicActionInEndpointPolicy", EcrActions, Severity.Warning,
        "ecr-public: actions in an ECR endpoint policy: the endpoints do not serve ECR Public.", "F9");
    public static readonly RuleDescriptor ECR207 = new("ECR207", "SourceVpcConditionOnAuthorizationToken", EcrActions, Severity.Warning,
        "aws:SourceVpc/aws:SourceVpce condition on ecr:GetAuthorizationToken: Fargate calls it outside the VPC, so pulls fail.", "F37");
    public static readonly RuleDescriptor ECR208 = new("ECR208", "NonCanonicalActionCasing", EcrActions, Severity.Info,
        "Action not written in AWS's canonical casing.", "F38", "Use the canonical casing");

    // Pack delete-guard (ECR3xx).
    public static readonly RuleDescriptor ECR301 = new("ECR301", "MissingDeleteGuard", DeleteGuard, Severity.Warning,
        "The ECR endpoint policy lets \"Principal\": \"*\" call ecr:DeleteRepository and no Deny covers it.", "F34", "Add the PreventDelete statement");
    public static readonly RuleDescriptor ECR302 = new("ECR302", "BrokenDeleteGuard", DeleteGuard, Severity.Error,
        "Broken deletion guard: Allow instead of Deny, misspelled action, a resource that is not an ECR repository ARN, or no Principal.",
        "F34", "Correct the guard");
    public static readonly RuleDescriptor ECR303 = new("ECR303", "DeleteGuardCannotMatch", DeleteGuard, Severity.Warning,
        "The deletion guard cannot match: another region or partition than the endpoint, or a Condition/NotPrincipal that exempts callers.", "F8, F34");
    public static readonly RuleDescriptor ECR304 = new("ECR304", "DeleteGuardTooNarrow", DeleteGuard, Severity.Info,
        "The deletion guard covers fewer repositories than the policy's scope.", "F34", "Extend the guard's resources");

    // Pack policy-grammar (ECR4xx): every policy.
    public static readonly RuleDescriptor ECR400 = new("ECR400", "NotParseable", PolicyGrammar, Severity.Error,
        "Not parseable: invalid JSON or YAML, or not a policy document.", "");
    public static readonly RuleDescriptor ECR401 = new("ECR401", "MissingVersion", PolicyGrammar, Severity.Info,
        "\"Version\" is missing.", "F38", "Add \"Version\": \"2012-10-17\"");
    public static readonly RuleDescriptor ECR402 = new("ECR402", "PolicyVariablesWithoutVersion", PolicyGrammar, Severity.Error,
        "Policy variables ${...} are used without \"Version\": \"2012-10-17\"; they are not substituted.", "F38", "Add \"Version\": \"2012-10-17\"");
    public static readonly RuleDescriptor ECR403 = new("ECR403", "InvalidEffect", PolicyGrammar, Severity.Error,
        "\"Effect\" is not exactly \"Allow\" or \"Deny\".", "F38", "Use the canonical value");
    public static readonly RuleDescriptor ECR404 = new("ECR404", "MissingRequiredElement", PolicyGrammar, Severity.Error,
        "A statement lacks a required element (Effect; Action/NotAction; Resource/NotResource; Principal in endpoint policies) or has both X and NotX.", "F31");
    public static readonly RuleDescriptor ECR405 = new("ECR405", "DuplicateOrInvalidSid", PolicyGrammar, Severity.Warning,
        "Duplicate Sid, or (in identity policies) a Sid with characters other than letters and digits.", "");
    public static readonly RuleDescriptor ECR406 = new("ECR406", "MalformedArn", PolicyGrammar, Severity.Error,
        "Malformed ARN: wrong field count, unknown partition or region, account not 12 digits, S3 ARN with region or account, ECR ARN without repository/.", "F35");
    public static readonly RuleDescriptor ECR407 = new("ECR407", "PlaceholderValue", PolicyGrammar, Severity.Warning,
        "A documentation placeholder is left in a real value (region, 1234567890, 111122223333, role_name, repository_name ...).", "F35");
    public static readonly RuleDescriptor ECR408 = new("ECR408", "UnknownElementName", PolicyGrammar, Severity.Error,
        "Unknown or mis-cased policy element name (element names are case-sensitive).", "F38", "Rename the element");
    public static readonly RuleDescriptor ECR409 = new("ECR409", "EndpointPolicyTooLong", PolicyGrammar, Severity.Error,
        "Endpoint policy over 20,480 characters.", "F31");
    public static readonly RuleDescriptor ECR410 = new("ECR410", "InvalidPrincipal", PolicyGrammar, Severity.Error,
        "Invalid Principal for an endpoint policy: malformed account or ARN, a principal type endpoints do not take, or a specific principal in a gateway (S3) endpoint policy.", "F31, F35");
    public static readonly RuleDescriptor ECR411 = new("ECR411", "DuplicateKey", PolicyGrammar, Severity.Error,
        "Duplicate JSON object key: readers disagree on which one wins.", "");
    public static readonly RuleDescriptor ECR412 = new("ECR412", "WrongElementType", PolicyGrammar, Severity.Error,
        "Wrong JSON type for a policy element (Effect array, numeric Sid, object Action ...).", "");
    public static readonly RuleDescriptor ECR413 = new("ECR413", "UnknownConditionOperatorOrKey", PolicyGrammar, Severity.Error,
        "Unknown condition operator (error), or a condition key unknown to the action and not global (warning).", "F38", "Use the nearest operator");
    public static readonly RuleDescriptor ECR414 = new("ECR414", "RedundantContent", PolicyGrammar, Severity.Info,
        "Redundant content: the same action or resource twice, or a statement wholly covered by another of the same effect.", "", "Remove the duplicate");

    // Pack windows (ECR5xx).
    public static readonly RuleDescriptor ECR501 = new("ECR501", "InvalidNondistributableRegistry", Windows, Severity.Error,
        "An allow-nondistributable-artifacts entry is not a bare ECR registry host (a scheme, a path, a typo, or another registry).",
        "F21", "Strip the entry to the registry host");
    public static readonly RuleDescriptor ECR502 = new("ECR502", "NondistributableArtifactsDeprecated", Windows, Severity.Warning,
        "allow-nondistributable-artifacts is relied on: Docker Engine 28 deprecated it and ignores it.", "F21");
    public static readonly RuleDescriptor ECR503 = new("ECR503", "WindowsForeignLayers", Windows, Severity.Info,
        "Windows containers in a PrivateLink-reliant VPC: their foreign base layers come from Microsoft unless pushed to ECR.", "F20");

    private static readonly Lazy<IReadOnlyList<RuleDescriptor>> s_all = new(() =>
        typeof(RuleCatalog).GetFields()
            .Where(f => f.FieldType == typeof(RuleDescriptor))
            .Select(f => (RuleDescriptor)f.GetValue(null)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every rule, ordered by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> All => s_all.Value;

    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyDictionary<string, string> PackTitles { get; } = new Dictionary<string, string>
    {
        [Endpoints] = "Endpoint set of a VPC",
        [S3LayerAccess] = "S3 gateway endpoint policies",
        [EcrActions] = "ECR actions",
        [DeleteGuard] = "Repository deletion guard",
        [PolicyGrammar] = "Policy grammar",
        [Windows] = "Windows images",
    };
}
