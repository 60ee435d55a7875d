using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.CodeFixes;

/// <summary>
/// ECR001-ECR005: adds the missing endpoints of a VPC next to its existing ones, after the last endpoint statement of
/// that VPC, on the same VPC expression and in the same style: <c>vpc.AddInterfaceEndpoint("EcrApi", new
/// InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });</c> where the code adds endpoints with
/// the VPC's methods (or <c>VpcProps.GatewayEndpoints</c>), <c>new InterfaceVpcEndpoint(this, "EcrApi", new
/// InterfaceVpcEndpointProps { Vpc = vpc, ... })</c> where it creates them (the last L2 endpoint of the same type
/// decides, else any L2 endpoint), <c>new CfnVPCEndpoint(...)</c> where it writes only L1 endpoints of that type (the
/// service name written like the existing one's). Subnet and security group
/// choices of an existing endpoint of the same type are kept. Not offered when the endpoints sit in no statement of a
/// block (a field initializer), or are AWS SDK requests (adding one means another API call, which is the code's to make).
/// Several fixes of one VPC add all their endpoints after the same statement (fix all merges them).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddEndpointCodeFixProvider)), Shared]
public sealed class AddEndpointCodeFixProvider : EcrLintCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR001", "ECR002", "ECR003", "ECR004", "ECR005", "ECR008");

    /// <summary>One key per rule: "add the ecr.dkr endpoint" and "add the logs endpoint" are different fixes.</summary>
    internal static string KeyFor(string id) => "EcrLint.AddEndpoint." + id;

    private static readonly Dictionary<string, (string Member, string Id)> InterfaceServices = new(StringComparer.Ordinal)
    {
        ["ecr.dkr"] = ("ECR_DOCKER", "EcrDocker"),
        ["ecr.api"] = ("ECR", "EcrApi"),
        ["logs"] = ("CLOUDWATCH_LOGS", "Logs"),
        ["ecs"] = ("ECS", "Ecs"),
        ["ecs-agent"] = ("ECS_AGENT", "EcsAgent"),
        ["ecs-telemetry"] = ("ECS_TELEMETRY", "EcsTelemetry"),
        ["s3"] = ("S3", "S3"),
    };

    private const string Ec2 = "Amazon.CDK.AWS.EC2";

    private protected override async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Get(Props.FixKind) == "AddEndpointSet") return await EndpointSetAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        if (diagnostic.Get(Props.FixKind) != "AddEndpoint") return null;
        var services = (diagnostic.Get(Props.Services) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
        var gateway = diagnostic.Get(Props.EndpointType) == "Gateway";
        if (services.Length == 0) return null;

        var target = document;
        if (diagnostic.Get(Props.EndpointFile) is { Length: > 0 } path && !string.Equals(path, document.FilePath, StringComparison.Ordinal))
        {
            target = document.Project.Documents.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.Ordinal));
            if (target is null) return null;
        }

        var root = await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await target.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var sites = new List<EndpointSite>();
        foreach (var span in Props.ParseSpans(diagnostic.Get(Props.EndpointSpans)))
        {
            if (span.End > text.Length) return null;
            if (EndpointSite.Read(root, span) is { } site) sites.Add(site);
        }

        // After the last endpoint of the VPC; its statement must be in a block.
        var anchor = sites.LastOrDefault();
        var statement = anchor is null ? null : SyntaxText.BlockStatement(anchor.Node);
        if (anchor is null || statement is null) return null;
        var wanted = gateway ? EndpointKind.Gateway : EndpointKind.Interface;
        // The style: the last L2 endpoint of the same type, else any L2 endpoint, else an L1 endpoint of the same type.
        static bool IsL2(EndpointSite s) => s.Style is EndpointStyle.Method or EndpointStyle.Constructor;
        var template = sites.LastOrDefault(s => IsL2(s) && s.Kind == wanted) ?? sites.LastOrDefault(IsL2)
            ?? sites.LastOrDefault(s => s.Style == EndpointStyle.L1 && s.Kind == wanted);
        if (template is null) return null;

        var model = await target.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var type = statement.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        var taken = new HashSet<string>(type is null ? Enumerable.Empty<string>() : ConstructIds(type), StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var service in services)
        {
            if (!InterfaceServices.TryGetValue(service, out var known)) return null;
            var id = UniqueId(gateway ? "S3" : known.Id, taken);
            var line = template.Style switch
            {
                EndpointStyle.Method => Method(template, gateway, known.Member, id, model, statement.SpanStart),
                EndpointStyle.Constructor => Constructor(template, gateway, known.Member, id, model, statement.SpanStart),
                EndpointStyle.L1 => L1(template, gateway, service, id, text),
                _ => null,
            };
            if (line is null) return null;
            lines.Add(line);
        }

        var title = diagnostic.Get(Props.FixTitle) ?? (services.Length == 1 ? $"Add the {services[0]} endpoint" : $"Add the {string.Join(", ", services)} endpoints");
        return new FixPlan(title, KeyFor(diagnostic.Id), target.Id, new[] { SyntaxText.InsertStatementsAfter(text, statement, lines) });
    }

    /// <summary>
    /// ECR008: a VPC with no endpoints at all gets <c>ecr.api</c>, <c>ecr.dkr</c> and the S3 gateway with its own methods,
    /// after the statement that creates it (the finding is on the VPC's declaration). A VPC the type only references has
    /// no such statement: no fix.
    /// </summary>
    private static async Task<FixPlan?> EndpointSetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource) return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        string? vpc = null;
        StatementSyntax? statement = null;
        switch (node)
        {
            case VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax } declarator:
                vpc = declarator.Identifier.ValueText;
                statement = SyntaxText.BlockStatement(declarator);
                break;
            case VariableDeclaratorSyntax field when field.Parent?.Parent is FieldDeclarationSyntax:
            case PropertyDeclarationSyntax:
            {
                // A field or property assigned `new Vpc(...)` in a method of the type.
                var name = node is VariableDeclaratorSyntax f ? f.Identifier.ValueText : ((PropertyDeclarationSyntax)node).Identifier.ValueText;
                var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                var assignment = type?.DescendantNodes().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Right is ObjectCreationExpressionSyntax
                    && a.Left switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText == name,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } m => m.Name.Identifier.ValueText == name,
                        _ => false,
                    });
                if (assignment is null) return null;
                vpc = assignment.Left.ToString();
                statement = SyntaxText.BlockStatement(assignment);
                break;
            }
        }

        if (vpc is null || statement is null) return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var typeDeclaration = statement.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        var taken = new HashSet<string>(typeDeclaration is null ? Enumerable.Empty<string>() : ConstructIds(typeDeclaration), StringComparer.Ordinal);
        var site = EndpointSite.ForVpc(vpc);
        var lines = new List<string>();
        foreach (var service in (diagnostic.Get(Props.Services) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!InterfaceServices.TryGetValue(service, out var known)) return null;
            lines.Add(Method(site, false, known.Member, UniqueId(known.Id, taken), model, statement.SpanStart)!);
        }

        foreach (var service in (diagnostic.Get("EcrLint.GatewayServices") ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (service != "s3") return null;
            lines.Add(Method(site, true, "S3", UniqueId("S3", taken), model, statement.SpanStart)!);
        }

        if (lines.Count == 0) return null;
        var title = diagnostic.Get(Props.FixTitle) ?? "Add the ECR endpoints and the S3 gateway endpoint";
        return new FixPlan(title, KeyFor(diagnostic.Id), document.Id, new[] { SyntaxText.InsertStatementsAfter(text, statement, lines) });
    }

    private static string ServiceClass(bool gateway, SemanticModel? model, int position) =>
        SyntaxText.TypeName(model, position, Ec2, gateway ? "GatewayVpcEndpointAwsService" : "InterfaceVpcEndpointAwsService");

    private static string? Method(EndpointSite template, bool gateway, string member, string id, SemanticModel? model, int position)
    {
        if (template.VpcExpression is not { } vpc) return null;
        var options = SyntaxText.TypeName(model, position, Ec2, gateway ? "GatewayVpcEndpointOptions" : "InterfaceVpcEndpointOptions");
        var extra = Extras(template, gateway);
        return $"{vpc}.{(gateway ? "AddGatewayEndpoint" : "AddInterfaceEndpoint")}({SyntaxText.Literal(id)}, new {options} {{ Service = {ServiceClass(gateway, model, position)}.{member}{extra} }});";
    }

    private static string? Constructor(EndpointSite template, bool gateway, string member, string id, SemanticModel? model, int position)
    {
        if (template.VpcExpression is not { } vpc || template.Scope is not { } scope) return null;
        var construct = SyntaxText.TypeName(model, position, Ec2, gateway ? "GatewayVpcEndpoint" : "InterfaceVpcEndpoint");
        var props = SyntaxText.TypeName(model, position, Ec2, gateway ? "GatewayVpcEndpointProps" : "InterfaceVpcEndpointProps");
        var extra = Extras(template, gateway);
        return $"new {construct}({scope}, {SyntaxText.Literal(id)}, new {props} {{ Vpc = {vpc}, Service = {ServiceClass(gateway, model, position)}.{member}{extra} }});";
    }

    /// <summary>The subnets and security groups an existing endpoint of the same type is given.</summary>
    private static string Extras(EndpointSite template, bool gateway)
    {
        if (template.Kind != (gateway ? EndpointKind.Gateway : EndpointKind.Interface) || template.Props?.Initializer is not { } init) return "";
        var names = gateway ? new[] { "Subnets" } : new[] { "Subnets", "SecurityGroups" };
        var parts = init.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax n && names.Contains(n.Identifier.ValueText) && !a.Right.ToString().Contains("\n"))
            .Select(a => ", " + a.Left + " = " + a.Right);
        return string.Concat(parts);
    }

    /// <summary>An L1 endpoint like the template, for another service: the service name written the same way, the same subnets, security groups or route tables.</summary>
    private static string? L1(EndpointSite template, bool gateway, string service, string id, SourceText text)
    {
        if (template.Props?.Initializer is not { } init || template.Scope is not { } scope || template.Service is null) return null;
        string? Value(string name) => init.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax n && n.Identifier.ValueText == name)?.Right.ToString();
        var vpcId = Value("VpcId");
        var serviceName = Value("ServiceName");
        if (vpcId is null || serviceName is null) return null;
        var suffix = "." + template.Service + "\"";
        if (!serviceName.EndsWith(suffix, StringComparison.Ordinal)) return null;
        serviceName = serviceName.Substring(0, serviceName.Length - suffix.Length) + "." + service + "\"";

        var assignments = new List<string> { "VpcId = " + vpcId, "ServiceName = " + serviceName };
        if (gateway)
        {
            if (Value("VpcEndpointType") is { } type) assignments.Add("VpcEndpointType = " + type);
            if (Value("RouteTableIds") is { } routes) assignments.Add("RouteTableIds = " + routes);
        }
        else
        {
            assignments.Add("VpcEndpointType = " + (Value("VpcEndpointType") ?? "\"Interface\""));
            assignments.Add("PrivateDnsEnabled = true");
            if (Value("SubnetIds") is { } subnets) assignments.Add("SubnetIds = " + subnets);
            if (Value("SecurityGroupIds") is { } groups) assignments.Add("SecurityGroupIds = " + groups);
        }

        var construct = ((ObjectCreationExpressionSyntax)template.Node).Type.ToString();
        var props = template.Props.Type.ToString();
        var unit = SyntaxText.IndentUnit(text, template.Node);
        var nl = "\n";
        return $"new {construct}({scope}, {SyntaxText.Literal(id)}, new {props}{nl}{{{nl}"
            + string.Concat(assignments.Select(a => unit + a + "," + nl)) + "});";
    }

    /// <summary>The string ids given to constructs in the type (<c>new X(this, "Id", ...)</c>, <c>vpc.AddInterfaceEndpoint("Id", ...)</c>, <c>GatewayEndpoints</c> keys).</summary>
    private static IEnumerable<string> ConstructIds(TypeDeclarationSyntax type)
    {
        foreach (var node in type.DescendantNodes())
        {
            switch (node)
            {
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 2 } args } when args[1].Expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return l.Token.ValueText;
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m, ArgumentList.Arguments: { Count: >= 1 } args }
                    when m.Name.Identifier.ValueText.StartsWith("Add", StringComparison.Ordinal) && args[0].Expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return l.Token.ValueText;
                    break;
                case ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } args } when args[0].Expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return l.Token.ValueText;
                    break;
            }
        }
    }

    private static string UniqueId(string id, HashSet<string> taken)
    {
        var candidate = id;
        if (taken.Contains(candidate)) candidate = id + "Endpoint";
        for (var n = 2; taken.Contains(candidate); n++) candidate = id + "Endpoint" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        taken.Add(candidate);
        return candidate;
    }
}

internal enum EndpointKind
{
    Interface,
    Gateway,
}

internal enum EndpointStyle
{
    /// <summary><c>vpc.AddInterfaceEndpoint(...)</c>, <c>vpc.AddGatewayEndpoint(...)</c>, or a <c>VpcProps.GatewayEndpoints</c> entry.</summary>
    Method,

    /// <summary><c>new InterfaceVpcEndpoint(scope, id, props)</c>, <c>new GatewayVpcEndpoint(...)</c>.</summary>
    Constructor,

    /// <summary><c>new CfnVPCEndpoint(scope, id, props)</c>.</summary>
    L1,

    /// <summary><c>new CreateVpcEndpointRequest { ... }</c>.</summary>
    Sdk,
}

/// <summary>An existing endpoint of the VPC, as written.</summary>
internal sealed class EndpointSite
{
    private EndpointSite(SyntaxNode node, EndpointStyle style, EndpointKind kind)
    {
        Node = node;
        Style = style;
        Kind = kind;
    }

    /// <summary>The invocation or creation (or the <c>GatewayEndpoints</c> entry's options).</summary>
    public SyntaxNode Node { get; }

    public EndpointStyle Style { get; }
    public EndpointKind Kind { get; }

    /// <summary>The VPC as the code writes it for this endpoint.</summary>
    public string? VpcExpression { get; private set; }

    /// <summary>The construct scope argument (<c>this</c>).</summary>
    public string? Scope { get; private set; }

    public ObjectCreationExpressionSyntax? Props { get; private set; }

    /// <summary>The service suffix of an L1 endpoint's name (<c>ecr.dkr</c>).</summary>
    public string? Service { get; private set; }

    /// <summary>A stand-in for a VPC without endpoints: endpoints are added with its methods.</summary>
    public static EndpointSite ForVpc(string vpc) => new(null!, EndpointStyle.Method, EndpointKind.Interface) { VpcExpression = vpc };

    public static EndpointSite? Read(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        foreach (var a in node.AncestorsAndSelf())
        {
            switch (a)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } i when m.Span == span || i.Span == span:
                {
                    var name = m.Name.Identifier.ValueText;
                    if (name is not ("AddInterfaceEndpoint" or "AddGatewayEndpoint")) return null;
                    return new EndpointSite(i, EndpointStyle.Method, name == "AddGatewayEndpoint" ? EndpointKind.Gateway : EndpointKind.Interface)
                    {
                        VpcExpression = m.Expression.ToString(),
                        Props = i.ArgumentList.Arguments.Count > 1 ? i.ArgumentList.Arguments[1].Expression as ObjectCreationExpressionSyntax : null,
                    };
                }

                case ObjectCreationExpressionSyntax o when o.Span.Contains(span):
                {
                    var typeName = EnablePrivateDnsCodeFixProvider.TypeName(o.Type);

                    // An entry of VpcProps.GatewayEndpoints: the VPC is the variable the new Vpc is stored in.
                    if (typeName == "GatewayVpcEndpointOptions") return GatewayEntry(o);

                    var args = o.ArgumentList?.Arguments ?? default;
                    var props = args.Count > 2 ? args[2].Expression as ObjectCreationExpressionSyntax : null;
                    string? Assigned(string name) => props?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                        .FirstOrDefault(x => x.Left is IdentifierNameSyntax n && n.Identifier.ValueText == name)?.Right.ToString();
                    switch (typeName)
                    {
                        case "InterfaceVpcEndpoint":
                        case "GatewayVpcEndpoint":
                            return new EndpointSite(o, EndpointStyle.Constructor, typeName == "GatewayVpcEndpoint" ? EndpointKind.Gateway : EndpointKind.Interface)
                            {
                                VpcExpression = Assigned("Vpc"),
                                Scope = args.Count > 0 ? args[0].Expression.ToString() : null,
                                Props = props,
                            };
                        case "CfnVPCEndpoint":
                        {
                            var type = Assigned("VpcEndpointType");
                            var kind = type is not null && type.IndexOf("Interface", StringComparison.OrdinalIgnoreCase) >= 0 ? EndpointKind.Interface : EndpointKind.Gateway;
                            var name = props?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                                .FirstOrDefault(x => x.Left is IdentifierNameSyntax n && n.Identifier.ValueText == "ServiceName")?.Right;
                            return new EndpointSite(o, EndpointStyle.L1, kind)
                            {
                                Scope = args.Count > 0 ? args[0].Expression.ToString() : null,
                                Props = props,
                                Service = ServiceSuffix(name),
                            };
                        }

                        case "CreateVpcEndpointRequest":
                            return new EndpointSite(o, EndpointStyle.Sdk, EndpointKind.Interface);
                    }

                    break;
                }
            }
        }

        return null;
    }

    private static EndpointSite? GatewayEntry(ObjectCreationExpressionSyntax options)
    {
        var vpcCreation = options.Ancestors().OfType<ObjectCreationExpressionSyntax>()
            .FirstOrDefault(c => EnablePrivateDnsCodeFixProvider.TypeName(c.Type) == "Vpc");
        if (vpcCreation is null) return null;
        var vpc = vpcCreation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax d } => d.Identifier.ValueText,
            AssignmentExpressionSyntax a when a.Right == vpcCreation => a.Left.ToString(),
            _ => null,
        };
        return new EndpointSite(vpcCreation, EndpointStyle.Method, EndpointKind.Gateway) { VpcExpression = vpc, Props = options };
    }

    /// <summary>The text after <c>com.amazonaws.REGION.</c> in a service name literal or interpolation (<c>ecr.dkr</c>).</summary>
    private static string? ServiceSuffix(ExpressionSyntax? name)
    {
        string? last = name switch
        {
            LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => l.Token.ValueText,
            InterpolatedStringExpressionSyntax i when i.Contents.LastOrDefault() is InterpolatedStringTextSyntax t => t.TextToken.ValueText,
            _ => null,
        };
        if (last is null) return null;
        foreach (var service in new[] { "ecr.dkr", "ecr.api", "ecs-telemetry", "ecs-agent", "ecs", "logs", "s3" })
        {
            if (last.EndsWith("." + service, StringComparison.Ordinal)) return service;
        }

        return null;
    }
}
