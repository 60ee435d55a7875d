// This file mirrors EcrLint.Rules.RuleCatalog; DescriptorsFileTests keeps them identical.
// Regenerate: ECRLINT_REGENERATE=1 dotnet test tests/EcrLint.Analyzers.Tests --filter DescriptorsFileTests
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers;

internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor ECR001 = new(
        id: "ECR001",
        title: "A PrivateLink-reliant VPC has no ecr.dkr interface endpoint: docker pulls cannot reach the registry",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A PrivateLink-reliant VPC has no ecr.dkr interface endpoint: docker pulls cannot reach the registry. Facts: F1.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR001.md");

    public static readonly DiagnosticDescriptor ECR002 = new(
        id: "ECR002",
        title: "A VPC with an ecr.dkr endpoint has no ecr.api endpoint (needed by everything but Fargate Linux platform 1.3.0 and earlier)",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A VPC with an ecr.dkr endpoint has no ecr.api endpoint (needed by everything but Fargate Linux platform 1.3.0 and earlier). Facts: F2, F5.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR002.md");

    public static readonly DiagnosticDescriptor ECR003 = new(
        id: "ECR003",
        title: "A VPC with ECR endpoints has no S3 gateway endpoint: image layers cannot be downloaded (an S3 interface endpoint does not count)",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A VPC with ECR endpoints has no S3 gateway endpoint: image layers cannot be downloaded (an S3 interface endpoint does not count). Facts: F3.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR003.md");

    public static readonly DiagnosticDescriptor ECR004 = new(
        id: "ECR004",
        title: "Tasks use the awslogs log driver in a PrivateLink-reliant VPC without a logs endpoint",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Tasks use the awslogs log driver in a PrivateLink-reliant VPC without a logs endpoint. Facts: F6.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR004.md");

    public static readonly DiagnosticDescriptor ECR005 = new(
        id: "ECR005",
        title: "ECS on EC2 instances in a PrivateLink-reliant VPC without all of the ecs, ecs-agent and ecs-telemetry endpoints",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ECS on EC2 instances in a PrivateLink-reliant VPC without all of the ecs, ecs-agent and ecs-telemetry endpoints. Facts: F4.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR005.md");

    public static readonly DiagnosticDescriptor ECR006 = new(
        id: "ECR006",
        title: "The ecr.dkr endpoint has private DNS disabled, explicitly or by a default of false: docker does not use it",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The ecr.dkr endpoint has private DNS disabled, explicitly or by a default of false: docker does not use it. Facts: F1, F15.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR006.md");

    public static readonly DiagnosticDescriptor ECR007 = new(
        id: "ECR007",
        title: "The ecr.api endpoint has private DNS disabled: ECR API calls need an explicit endpoint URL to use it",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The ecr.api endpoint has private DNS disabled: ECR API calls need an explicit endpoint URL to use it. Facts: F2.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR007.md");

    public static readonly DiagnosticDescriptor ECR008 = new(
        id: "ECR008",
        title: "Private ECR images run in a VPC without a route to the internet and without VPC endpoints: no path to the registry",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Private ECR images run in a VPC without a route to the internet and without VPC endpoints: no path to the registry. Facts: F1, F2, F3.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR008.md");

    public static readonly DiagnosticDescriptor ECR009 = new(
        id: "ECR009",
        title: "The endpoint's region differs from the stack's region or from the region of the ECR images pulled in the VPC",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The endpoint's region differs from the stack's region or from the region of the ECR images pulled in the VPC. Facts: F8.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR009.md");

    public static readonly DiagnosticDescriptor ECR010 = new(
        id: "ECR010",
        title: "Malformed service name for an ECR, S3, logs or ECS endpoint: wrong shape, unknown or placeholder region, or wrong prefix for the partition",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Malformed service name for an ECR, S3, logs or ECS endpoint: wrong shape, unknown or placeholder region, or wrong prefix for the partition. Facts: F14.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR010.md");

    public static readonly DiagnosticDescriptor ECR011 = new(
        id: "ECR011",
        title: "Wrong endpoint type: an ECR, logs or ECS service as a gateway endpoint, or S3 for ECR layers as an interface endpoint",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Wrong endpoint type: an ECR, logs or ECS service as a gateway endpoint, or S3 for ECR layers as an interface endpoint. Facts: F3.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR011.md");

    public static readonly DiagnosticDescriptor ECR012 = new(
        id: "ECR012",
        title: "The interface endpoint's security groups do not admit TCP 443 from the VPC",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The interface endpoint's security groups do not admit TCP 443 from the VPC. Facts: F7.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR012.md");

    public static readonly DiagnosticDescriptor ECR013 = new(
        id: "ECR013",
        title: "The S3 gateway endpoint is associated with no route tables: nothing reaches S3 through it",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The S3 gateway endpoint is associated with no route tables: nothing reaches S3 through it. Facts: F3.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR013.md");

    public static readonly DiagnosticDescriptor ECR014 = new(
        id: "ECR014",
        title: "An ECR Public or other upstream registry image is pulled in a PrivateLink-reliant VPC: a pull-through cache rule is suggested",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "An ECR Public or other upstream registry image is pulled in a PrivateLink-reliant VPC: a pull-through cache rule is suggested. Facts: F9.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR014.md");

    public static readonly DiagnosticDescriptor ECR015 = new(
        id: "ECR015",
        title: "A pull-through cache rule is in scope of a VPC without a NAT gateway: the first pull of an image fails",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A pull-through cache rule is in scope of a VPC without a NAT gateway: the first pull of an image fails. Facts: F12.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR015.md");

    public static readonly DiagnosticDescriptor ECR016 = new(
        id: "ECR016",
        title: "The ecr.api and ecr.dkr endpoints of the VPC carry different policies",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The ecr.api and ecr.dkr endpoints of the VPC carry different policies. Facts: F32.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR016.md");

    public static readonly DiagnosticDescriptor ECR017 = new(
        id: "ECR017",
        title: "The VPC uses custom DHCP DNS servers and its endpoints rely on private DNS, which needs conditional forwarding",
        messageFormat: "{0}",
        category: "EcrLint.endpoints",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The VPC uses custom DHCP DNS servers and its endpoints rely on private DNS, which needs conditional forwarding. Facts: F10.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR017.md");

    public static readonly DiagnosticDescriptor ECR101 = new(
        id: "ECR101",
        title: "A restrictive S3 endpoint policy does not allow s3:GetObject on the ECR layer bucket (prod-REGION-starport-layer-bucket): image pulls fail",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A restrictive S3 endpoint policy does not allow s3:GetObject on the ECR layer bucket (prod-REGION-starport-layer-bucket): image pulls fail. Facts: F30, F36.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR101.md");

    public static readonly DiagnosticDescriptor ECR102 = new(
        id: "ECR102",
        title: "The statement for the ECR layer bucket grants more than s3:GetObject",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The statement for the ECR layer bucket grants more than s3:GetObject. Facts: F30.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR102.md");

    public static readonly DiagnosticDescriptor ECR103 = new(
        id: "ECR103",
        title: "Malformed ECR layer bucket ARN: missing /*, placeholder or unknown region, misspelled name, region or account filled in, or wrong partition",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Malformed ECR layer bucket ARN: missing /*, placeholder or unknown region, misspelled name, region or account filled in, or wrong partition. Facts: F30, F35.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR103.md");

    public static readonly DiagnosticDescriptor ECR104 = new(
        id: "ECR104",
        title: "The ECR layer bucket's region differs from the endpoint's region",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The ECR layer bucket's region differs from the endpoint's region. Facts: F8, F30.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR104.md");

    public static readonly DiagnosticDescriptor ECR105 = new(
        id: "ECR105",
        title: "The S3 endpoint policy allows object reads on every bucket to every principal: beyond least privilege",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The S3 endpoint policy allows object reads on every bucket to every principal: beyond least privilege. Facts: F30.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR105.md");

    public static readonly DiagnosticDescriptor ECR106 = new(
        id: "ECR106",
        title: "S3 gateway endpoint with no policy or the full-access default: a least-privilege policy is suggested",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "S3 gateway endpoint with no policy or the full-access default: a least-privilege policy is suggested. Facts: F30, F31.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR106.md");

    public static readonly DiagnosticDescriptor ECR107 = new(
        id: "ECR107",
        title: "The S3 endpoint policy allows object writes or deletes on every bucket to every principal",
        messageFormat: "{0}",
        category: "EcrLint.s3-layer-access",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The S3 endpoint policy allows object writes or deletes on every bucket to every principal. Facts: F30.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR107.md");

    public static readonly DiagnosticDescriptor ECR201 = new(
        id: "ECR201",
        title: "Unknown ecr: action",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Unknown ecr: action. Facts: F33.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR201.md");

    public static readonly DiagnosticDescriptor ECR202 = new(
        id: "ECR202",
        title: "A principal is allowed some but not all of ecr:BatchGetImage, ecr:GetDownloadUrlForLayer and ecr:GetAuthorizationToken: pulls fail",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A principal is allowed some but not all of ecr:BatchGetImage, ecr:GetDownloadUrlForLayer and ecr:GetAuthorizationToken: pulls fail. Facts: F33.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR202.md");

    public static readonly DiagnosticDescriptor ECR203 = new(
        id: "ECR203",
        title: "ecr:GetAuthorizationToken is allowed only on repository ARNs; it supports only \"Resource\": \"*\"",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "ecr:GetAuthorizationToken is allowed only on repository ARNs; it supports only \"Resource\": \"*\". Facts: F33.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR203.md");

    public static readonly DiagnosticDescriptor ECR204 = new(
        id: "ECR204",
        title: "Write, delete or permissions-management ECR actions are allowed to \"Principal\": \"*\" without a condition",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: false,
        description: "Write, delete or permissions-management ECR actions are allowed to \"Principal\": \"*\" without a condition. Facts: F31, F34.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR204.md");

    public static readonly DiagnosticDescriptor ECR205 = new(
        id: "ECR205",
        title: "Malformed action: no service prefix, whitespace, empty, unknown service, or a wildcard that matches no action",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Malformed action: no service prefix, whitespace, empty, unknown service, or a wildcard that matches no action.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR205.md");

    public static readonly DiagnosticDescriptor ECR206 = new(
        id: "ECR206",
        title: "ecr-public: actions in an ECR endpoint policy: the endpoints do not serve ECR Public",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ecr-public: actions in an ECR endpoint policy: the endpoints do not serve ECR Public. Facts: F9.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR206.md");

    public static readonly DiagnosticDescriptor ECR207 = new(
        id: "ECR207",
        title: "aws:SourceVpc/aws:SourceVpce condition on ecr:GetAuthorizationToken: Fargate calls it outside the VPC, so pulls fail",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "aws:SourceVpc/aws:SourceVpce condition on ecr:GetAuthorizationToken: Fargate calls it outside the VPC, so pulls fail. Facts: F37.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR207.md");

    public static readonly DiagnosticDescriptor ECR208 = new(
        id: "ECR208",
        title: "Action not written in AWS's canonical casing",
        messageFormat: "{0}",
        category: "EcrLint.ecr-actions",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Action not written in AWS's canonical casing. Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR208.md");

    public static readonly DiagnosticDescriptor ECR301 = new(
        id: "ECR301",
        title: "The ECR endpoint policy lets \"Principal\": \"*\" call ecr:DeleteRepository and no Deny covers it",
        messageFormat: "{0}",
        category: "EcrLint.delete-guard",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The ECR endpoint policy lets \"Principal\": \"*\" call ecr:DeleteRepository and no Deny covers it. Facts: F34.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR301.md");

    public static readonly DiagnosticDescriptor ECR302 = new(
        id: "ECR302",
        title: "Broken deletion guard: Allow instead of Deny, misspelled action, a resource that is not an ECR repository ARN, or no Principal",
        messageFormat: "{0}",
        category: "EcrLint.delete-guard",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Broken deletion guard: Allow instead of Deny, misspelled action, a resource that is not an ECR repository ARN, or no Principal. Facts: F34.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR302.md");

    public static readonly DiagnosticDescriptor ECR303 = new(
        id: "ECR303",
        title: "The deletion guard cannot match: another region or partition than the endpoint, or a Condition/NotPrincipal that exempts callers",
        messageFormat: "{0}",
        category: "EcrLint.delete-guard",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The deletion guard cannot match: another region or partition than the endpoint, or a Condition/NotPrincipal that exempts callers. Facts: F8, F34.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR303.md");

    public static readonly DiagnosticDescriptor ECR304 = new(
        id: "ECR304",
        title: "The deletion guard covers fewer repositories than the policy's scope",
        messageFormat: "{0}",
        category: "EcrLint.delete-guard",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The deletion guard covers fewer repositories than the policy's scope. Facts: F34.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR304.md");

    public static readonly DiagnosticDescriptor ECR400 = new(
        id: "ECR400",
        title: "Not parseable: invalid JSON or YAML, or not a policy document",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Not parseable: invalid JSON or YAML, or not a policy document.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR400.md");

    public static readonly DiagnosticDescriptor ECR401 = new(
        id: "ECR401",
        title: "\"Version\" is missing",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "\"Version\" is missing. Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR401.md");

    public static readonly DiagnosticDescriptor ECR402 = new(
        id: "ECR402",
        title: "Policy variables ${...} are used without \"Version\": \"2012-10-17\"; they are not substituted",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Policy variables ${...} are used without \"Version\": \"2012-10-17\"; they are not substituted. Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR402.md");

    public static readonly DiagnosticDescriptor ECR403 = new(
        id: "ECR403",
        title: "\"Effect\" is not exactly \"Allow\" or \"Deny\"",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "\"Effect\" is not exactly \"Allow\" or \"Deny\". Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR403.md");

    public static readonly DiagnosticDescriptor ECR404 = new(
        id: "ECR404",
        title: "A statement lacks a required element (Effect; Action/NotAction; Resource/NotResource; Principal in endpoint policies) or has both X and NotX",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A statement lacks a required element (Effect; Action/NotAction; Resource/NotResource; Principal in endpoint policies) or has both X and NotX. Facts: F31.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR404.md");

    public static readonly DiagnosticDescriptor ECR405 = new(
        id: "ECR405",
        title: "Duplicate Sid, or (in identity policies) a Sid with characters other than letters and digits",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Duplicate Sid, or (in identity policies) a Sid with characters other than letters and digits.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR405.md");

    public static readonly DiagnosticDescriptor ECR406 = new(
        id: "ECR406",
        title: "Malformed ARN: wrong field count, unknown partition or region, account not 12 digits, S3 ARN with region or account, ECR ARN without repository/",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Malformed ARN: wrong field count, unknown partition or region, account not 12 digits, S3 ARN with region or account, ECR ARN without repository/. Facts: F35.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR406.md");

    public static readonly DiagnosticDescriptor ECR407 = new(
        id: "ECR407",
        title: "A documentation placeholder is left in a real value (region, 1234567890, 111122223333, role_name, repository_name ...)",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A documentation placeholder is left in a real value (region, 1234567890, 111122223333, role_name, repository_name ...). Facts: F35.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR407.md");

    public static readonly DiagnosticDescriptor ECR408 = new(
        id: "ECR408",
        title: "Unknown or mis-cased policy element name (element names are case-sensitive)",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Unknown or mis-cased policy element name (element names are case-sensitive). Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR408.md");

    public static readonly DiagnosticDescriptor ECR409 = new(
        id: "ECR409",
        title: "Endpoint policy over 20,480 characters",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Endpoint policy over 20,480 characters. Facts: F31.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR409.md");

    public static readonly DiagnosticDescriptor ECR410 = new(
        id: "ECR410",
        title: "Invalid Principal for an endpoint policy: malformed account or ARN, a principal type endpoints do not take, or a specific principal in a gateway (S3) endpoint policy",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Invalid Principal for an endpoint policy: malformed account or ARN, a principal type endpoints do not take, or a specific principal in a gateway (S3) endpoint policy. Facts: F31, F35.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR410.md");

    public static readonly DiagnosticDescriptor ECR411 = new(
        id: "ECR411",
        title: "Duplicate JSON object key: readers disagree on which one wins",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Duplicate JSON object key: readers disagree on which one wins.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR411.md");

    public static readonly DiagnosticDescriptor ECR412 = new(
        id: "ECR412",
        title: "Wrong JSON type for a policy element (Effect array, numeric Sid, object Action ...)",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Wrong JSON type for a policy element (Effect array, numeric Sid, object Action ...).",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR412.md");

    public static readonly DiagnosticDescriptor ECR413 = new(
        id: "ECR413",
        title: "Unknown condition operator (error), or a condition key unknown to the action and not global (warning)",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Unknown condition operator (error), or a condition key unknown to the action and not global (warning). Facts: F38.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR413.md");

    public static readonly DiagnosticDescriptor ECR414 = new(
        id: "ECR414",
        title: "Redundant content: the same action or resource twice, or a statement wholly covered by another of the same effect",
        messageFormat: "{0}",
        category: "EcrLint.policy-grammar",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Redundant content: the same action or resource twice, or a statement wholly covered by another of the same effect.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR414.md");

    public static readonly DiagnosticDescriptor ECR501 = new(
        id: "ECR501",
        title: "An allow-nondistributable-artifacts entry is not a bare ECR registry host (a scheme, a path, a typo, or another registry)",
        messageFormat: "{0}",
        category: "EcrLint.windows",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An allow-nondistributable-artifacts entry is not a bare ECR registry host (a scheme, a path, a typo, or another registry). Facts: F21.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR501.md");

    public static readonly DiagnosticDescriptor ECR502 = new(
        id: "ECR502",
        title: "allow-nondistributable-artifacts is relied on: Docker Engine 28 deprecated it and ignores it",
        messageFormat: "{0}",
        category: "EcrLint.windows",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "allow-nondistributable-artifacts is relied on: Docker Engine 28 deprecated it and ignores it. Facts: F21.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR502.md");

    public static readonly DiagnosticDescriptor ECR503 = new(
        id: "ECR503",
        title: "Windows containers in a PrivateLink-reliant VPC: their foreign base layers come from Microsoft unless pushed to ECR",
        messageFormat: "{0}",
        category: "EcrLint.windows",
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Windows containers in a PrivateLink-reliant VPC: their foreign base layers come from Microsoft unless pushed to ECR. Facts: F20.",
        helpLinkUri: "https://github.com/ecrlint/ecrlint/blob/main/docs/rules/ECR503.md");

}
