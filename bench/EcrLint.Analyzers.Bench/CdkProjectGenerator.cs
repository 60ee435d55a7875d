using System.Text;

namespace EcrLint.Analyzers.Bench;

/// <summary>
/// Writes a C# CDK project of many files like the ones teams write (Amazon.CDK.Lib 2.160.0): stacks with a VPC,
/// a gateway and interface endpoints, endpoint policies built from PolicyStatements or JSON, ECS Fargate tasks
/// with their roles, and the usual helpers. About one file in five has a defect EcrLint reports (a misspelled
/// action, private DNS off, a missing endpoint), so the analyzers do real work. Deterministic for a seed.
/// The project references the analyzers as Analyzer items (the DLLs built from this repository).
/// </summary>
public static class CdkProjectGenerator
{
    private static readonly string[] Regions = { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2" };
    private static readonly string[] PullActions = { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability" };

    public static void Generate(string folder, int files, int seed, IReadOnlyList<string> analyzerDlls)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        File.WriteAllText(Path.Combine(folder, "CdkBench.csproj"), Project(analyzerDlls));
        // Findings are warnings here: the build is measured, not failed.
        File.WriteAllText(Path.Combine(folder, ".globalconfig"), "is_global = true\n"
            + string.Concat(EcrLint.Rules.RuleCatalog.All.Select(rule => $"dotnet_diagnostic.{rule.Id}.severity = warning\n")));
        var program = new StringBuilder("using Amazon.CDK;\n\nnamespace CdkBench;\n\npublic static class Program\n{\n    public static void Main()\n    {\n        var app = new App();\n");
        for (var i = 0; i < files; i++)
        {
            var name = $"Service{i:D3}Stack";
            File.WriteAllText(Path.Combine(folder, name + ".cs"), Stack(name, i, random));
            program.Append("        new ").Append(name).Append("(app, \"").Append(name).Append("\");\n");
        }

        program.Append("        app.Synth();\n    }\n}\n");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program.ToString());
        File.WriteAllText(Path.Combine(folder, "Policies.cs"), Helpers);
    }

    private static string Project(IReadOnlyList<string> analyzerDlls)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <!-- The analyzers' findings are what this project is for; the build measures them, it does not fail on them. -->
                <WarningLevel>0</WarningLevel>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
              </ItemGroup>
              <!-- EcrLint's analyzers; -p:EcrLintAnalyzers=false builds without them (the comparison in bench/run.sh). -->
              <ItemGroup Condition="'$(EcrLintAnalyzers)' != 'false'">

            """);
        foreach (var dll in analyzerDlls) sb.Append("    <Analyzer Include=\"").Append(dll).Append("\" />\n");
        sb.Append("""
              </ItemGroup>
              <!-- The compilation's references, for the in-process benchmark (it compiles the same sources with them). -->
              <Target Name="WriteReferencePaths" AfterTargets="ResolveAssemblyReferences">
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/references.txt" Lines="@(ReferencePath)" Overwrite="true" WriteOnlyWhenDifferent="true" />
              </Target>
            </Project>

            """);
        return sb.ToString();
    }

    private static string Stack(string name, int i, Random r)
    {
        var region = Regions[r.Next(Regions.Length)];
        var account = (200000000000L + r.NextInt64(700000000000L)).ToString();
        var defect = r.Next(5) == 0;
        var actions = PullActions.Take(defect ? r.Next(2, 5) : 3 + r.Next(2)).Select(a => defect && r.Next(2) == 0 ? a + "s" : a).ToArray();
        var repositories = Enumerable.Range(0, r.Next(1, 4)).Select(k => $"arn:aws:ecr:{region}:{account}:repository/team{i % 17}/app{k}").ToArray();
        var privateDns = !(defect && r.Next(3) == 0);
        var withLogs = !(defect && r.Next(3) == 1);
        var jsonPolicy = r.Next(3) == 0;
        var sb = new StringBuilder();
        sb.Append($$"""
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.ECR;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Logs;
            using Constructs;

            namespace CdkBench;

            /// <summary>Service {{i}}: a Fargate task pulling from ECR through PrivateLink in a VPC without NAT.</summary>
            public sealed class {{name}} : Stack
            {
                private const string Account = "{{account}}";

                public {{name}}(Construct scope, string id)
                    : base(scope, id, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = "{{region}}" } })
                {
                    var vpc = new Vpc(this, "Vpc", new VpcProps
                    {
                        NatGateways = 0,
                        MaxAzs = {{1 + i % 3}},
                        SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 } },
                    });

                    var s3 = vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
                    s3.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "AllowEcrLayers",
                        Principals = new IPrincipal[] { new AnyPrincipal() },
                        Actions = new[] { "s3:GetObject" },
                        Resources = new[] { "arn:aws:s3:::prod-{{region}}-starport-layer-bucket/*" },
                    }));

                    var docker = vpc.AddInterfaceEndpoint("EcrDocker", new InterfaceVpcEndpointOptions
                    {
                        Service = InterfaceVpcEndpointAwsService.ECR_DOCKER,
                        PrivateDnsEnabled = {{(privateDns ? "true" : "false")}},
                    });
                    var api = vpc.AddInterfaceEndpoint("EcrApi", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.ECR });

            """);
        if (withLogs) sb.Append("            vpc.AddInterfaceEndpoint(\"Logs\", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS });\n");
        if (jsonPolicy)
        {
            sb.Append("            const string pullPolicy = \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": [{\\\"Sid\\\": \\\"AllowPull\\\", \\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": \\\"*\\\", \\\"Action\\\": [")
                .Append(string.Join(", ", actions.Select(a => "\\\"" + a + "\\\"")))
                .Append("], \\\"Resource\\\": \\\"*\\\"}]}\";\n");
            sb.Append("            foreach (var statement in Policies.Statements(pullPolicy)) { docker.AddToPolicy(statement); api.AddToPolicy(statement); }\n");
        }
        else
        {
            sb.Append($$"""
                            foreach (var endpoint in new[] { docker, api })
                            {
                                endpoint.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                                {
                                    Sid = "AllowPull",
                                    Principals = new IPrincipal[] { new AnyPrincipal() },
                                    Actions = new[] { {{string.Join(", ", actions.Select(a => "\"" + a + "\""))}} },
                                    Resources = new[] { "*" },
                                }));
                                endpoint.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                                {
                                    Sid = "PreventDelete",
                                    Effect = Effect.DENY,
                                    Principals = new IPrincipal[] { new AnyPrincipal() },
                                    Actions = new[] { "ecr:DeleteRepository" },
                                    Resources = new[] { {{string.Join(", ", repositories.Select(a => "\"" + a + "\""))}} },
                                }));
                            }

                """);
        }

        sb.Append($$"""
                    var repository = Repository.FromRepositoryName(this, "Repo", "team{{i % 17}}/app0");
                    var executionRole = new Role(this, "ExecutionRole", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
                    executionRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" },
                        Resources = new[] { {{string.Join(", ", repositories.Select(a => "\"" + a + "\""))}} },
                    }));
                    executionRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecr:GetAuthorizationToken" }, Resources = new[] { "*" } }));
                    executionRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { "logs:CreateLogStream", "logs:PutLogEvents" },
                        Resources = new[] { $"arn:aws:logs:{{region}}:{Account}:log-group:/ecs/service{{i}}:*" },
                        Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "true" } },
                    }));

                    var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                    var task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps { Cpu = 256, MemoryLimitMiB = 512, ExecutionRole = executionRole });
                    task.AddContainer("App", new ContainerDefinitionOptions
                    {
                        Image = ContainerImage.FromEcrRepository(repository, "v{{i % 9}}"),
                        Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "service{{i}}", LogRetention = RetentionDays.ONE_WEEK }),
                        Environment = new Dictionary<string, string> { ["SERVICE"] = "{{i}}", ["REGION"] = "{{region}}" },
                        PortMappings = new[] { new PortMapping { ContainerPort = {{8000 + i % 100}} } },
                    });
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task, DesiredCount = {{1 + i % 3}} });

                    foreach (var subnet in vpc.IsolatedSubnets.Where(s => s.AvailabilityZone != null))
                    {
                        Amazon.CDK.Tags.Of(subnet).Add("service", "{{i}}");
                    }
                }
            }

            """);
        return sb.ToString();
    }

    private const string Helpers = """
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.CDK.AWS.IAM;

        namespace CdkBench;

        /// <summary>Statements from a JSON policy document, as a stack would load a shared one.</summary>
        public static class Policies
        {
            public static IEnumerable<PolicyStatement> Statements(string json)
            {
                var document = PolicyDocument.FromJson(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(json));
                return document.IsEmpty ? Enumerable.Empty<PolicyStatement>() : new[] { new PolicyStatement() };
            }
        }

        """;
}
