using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using static EcrLint.Tests.CloudFormation.TemplateTestHelper;

namespace EcrLint.Tests.CloudFormation;

public class TemplateFixerTests
{
    private static string SampleText(string name) => File.ReadAllText(Repo.PathOf("samples", "templates", name));

    private static string Apply(string text, Fix? fix)
    {
        Assert.NotNull(fix);
        Assert.Equal("t", fix!.Document.Path.Substring(0, 1));
        return TextEdits.Apply(text, fix.Edits);
    }

    /// <summary>Asserts the fix only inserted text: removing the insertion gives the original bytes.</summary>
    private static string Inserted(string before, string after, Fix fix)
    {
        var edit = Assert.Single(fix.Edits);
        Assert.True(edit.Span.IsEmpty);
        Assert.Equal(before, after.Remove(edit.Span.Start, edit.NewText.Length));
        return edit.NewText;
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Private_dns_is_inserted_into_json_properties(string newLine)
    {
        var text = SampleText("ECR006.bad.private-dns-omitted.json").Replace("\n", newLine);
        var model = Model(text, "t.json");
        var fix = model.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(model, "EcrDkrEndpoint"), "Enable private DNS");
        var fixedText = Apply(text, fix);
        var inserted = Inserted(text, fixedText, fix!);
        Assert.Equal("," + newLine + "        \"PrivateDnsEnabled\": true", inserted);
        var again = Model(fixedText, "t.json");
        var dns = Endpoint(again, "EcrDkrEndpoint").PrivateDns!;
        Assert.True(dns.Value);
        Assert.False(dns.IsDefault);
        // A second pass changes nothing.
        Assert.Equal(fixedText, Apply(fixedText, again.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(again, "EcrDkrEndpoint"), "x")));
    }

    [Fact]
    public void Private_dns_is_inserted_into_yaml_properties_at_the_siblings_indentation()
    {
        var text = SampleText("ECR001.bad.missing-ecr-dkr.yaml").Replace("      PrivateDnsEnabled: true\n      VpcId: !Ref Vpc\n      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      SecurityGroupIds: [!Ref EndpointSecurityGroup]\n  LogsEndpoint:",
            "      VpcId: !Ref Vpc\n      SubnetIds:\n        - !Ref PrivateSubnetA\n        - !Ref PrivateSubnetB # comment\n      SecurityGroupIds: [!Ref EndpointSecurityGroup]\n  LogsEndpoint:");
        var model = Model(text, "t.yaml");
        Assert.True(Endpoint(model, "EcrApiEndpoint").PrivateDns!.IsDefault);
        var fix = model.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(model, "EcrApiEndpoint"), "Enable private DNS");
        var fixedText = Apply(text, fix);
        Assert.Equal("\n      PrivateDnsEnabled: true", Inserted(text, fixedText, fix!));
        Assert.Contains("      SecurityGroupIds: [!Ref EndpointSecurityGroup]\n      PrivateDnsEnabled: true\n  LogsEndpoint:", fixedText);
        Assert.True(Endpoint(Model(fixedText, "t.yaml"), "EcrApiEndpoint").PrivateDns!.Value);
    }

    [Fact]
    public void Private_dns_false_is_replaced()
    {
        var text = SampleText("ECR007.bad.ecr-api-private-dns-off.yaml");
        var model = Model(text, "t.yaml");
        var fixedText = Apply(text, model.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(model, "EcrApiEndpoint"), "x"));
        Assert.Equal(text.Length - 1, fixedText.Length);
        Assert.True(Endpoint(Model(fixedText, "t.yaml"), "EcrApiEndpoint").PrivateDns!.Value);
    }

    [Fact]
    public void Computed_private_dns_is_not_fixed()
    {
        var model = Model("{ \"Resources\": { \"E\": { \"Type\": \"AWS::EC2::VPCEndpoint\", \"Properties\": { \"VpcId\": \"vpc-1\", \"ServiceName\": \"com.amazonaws.us-east-1.ecr.dkr\", \"PrivateDnsEnabled\": { \"Fn::If\": [\"C\", true, false] } } } } }", "t.json");
        Assert.Null(model.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(model, "E"), "x"));
    }

    [Fact]
    public void Private_dns_goes_into_flow_mappings()
    {
        var text = "Resources:\n  E:\n    Type: AWS::EC2::VPCEndpoint\n    Properties: {VpcId: vpc-1, ServiceName: com.amazonaws.us-east-1.ecr.dkr, VpcEndpointType: Interface}\n";
        var model = Model(text, "t.yaml");
        var fixedText = Apply(text, model.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(model, "E"), "x"));
        Assert.Contains("VpcEndpointType: Interface, PrivateDnsEnabled: true}", fixedText);
        Assert.True(Endpoint(Model(fixedText, "t.yaml"), "E").PrivateDns!.Value);
    }

    [Theory]
    [InlineData("t.yaml", "      ServiceName: com.amazonaws.ecr.dkr\n", "com.amazonaws.us-east-1.ecr.dkr", "      ServiceName: com.amazonaws.us-east-1.ecr.dkr\n")]
    [InlineData("t.yaml", "      ServiceName: 'com.amazonaws.ecr.dkr'\n", "com.amazonaws.us-east-1.ecr.dkr", "      ServiceName: 'com.amazonaws.us-east-1.ecr.dkr'\n")]
    [InlineData("t.yaml", "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr-dkr\n", "com.amazonaws.${AWS::Region}.ecr.dkr", "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n")]
    [InlineData("t.yaml", "      ServiceName: com.amazonaws.region.ecr.dkr\n", "com.amazonaws.${AWS::Region}.ecr.dkr", "      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n")]
    [InlineData("t.json", "      \"ServiceName\": \"com.amazonaws.ecr.dkr\",\n", "com.amazonaws.us-east-1.ecr.dkr", "      \"ServiceName\": \"com.amazonaws.us-east-1.ecr.dkr\",\n")]
    [InlineData("t.json", "      \"ServiceName\": \"com.amazonaws.ecr.dkr\",\n", "com.amazonaws.${AWS::Region}.ecr.dkr", "      \"ServiceName\": { \"Fn::Sub\": \"com.amazonaws.${AWS::Region}.ecr.dkr\" },\n")]
    public void Service_names_are_replaced_in_the_files_style(string path, string line, string name, string expected)
    {
        var text = path.EndsWith(".json")
            ? "{\n  \"Resources\": {\n    \"E\": {\n      \"Type\": \"AWS::EC2::VPCEndpoint\",\n      \"Properties\": {\n" + line + "      \"VpcId\": \"vpc-1\"\n      }\n    }\n  }\n}\n"
            : "Resources:\n  E:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n" + line + "      VpcId: vpc-1\n";
        var model = Model(text, path);
        var fixedText = Apply(text, model.Vpcs[0].Fixer!.SetServiceName(Endpoint(model, "E"), name, "x"));
        Assert.Equal(text.Replace(line, expected), fixedText);
        Assert.True(Endpoint(Model(fixedText, path), "E").Service!.IsEcrDkr);
    }

    [Fact]
    public void A_missing_interface_endpoint_is_added_after_the_last_endpoint_in_yaml()
    {
        var text = SampleText("ECR001.bad.missing-ecr-dkr.yaml");
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        var fix = vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.dkr" }, EndpointType.Interface, "Add the ecr.dkr endpoint");
        var fixedText = Apply(text, fix);
        var inserted = Inserted(text, fixedText, fix!);
        Assert.Equal(
            "\n  EcrDkrEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n"
            + "      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n      VpcId: !Ref Vpc\n      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
            + "      SecurityGroupIds: [!Ref EndpointSecurityGroup]", inserted);
        // The S3 gateway endpoint follows the new resource, untouched.
        Assert.Contains("SecurityGroupIds: [!Ref EndpointSecurityGroup]\n  S3GatewayEndpoint:", fixedText);
        var again = Model(fixedText, "t.yaml");
        var added = Endpoint(again, "EcrDkrEndpoint");
        Assert.Same(again.Vpcs[0], again.Vpcs.Single(v => v.Endpoints.Contains(added)));
        Assert.True(added.Service!.IsEcrDkr);
        Assert.True(added.IsInterface);
        Assert.True(added.PrivateDns!.Value);
        Assert.True(added.Admits443!.Value);
        Assert.Equal(TemplateTestHelper.Describe(Sample("correct.fargate-privatelink.yaml")).Split('\n').Length, TemplateTestHelper.Describe(again).Split('\n').Length);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_missing_interface_endpoint_is_added_in_json(string newLine)
    {
        var text = SampleText("ECR002.bad.missing-ecr-api.json").Replace("\n", newLine);
        var model = Model(text, "t.json");
        var vpc = model.Vpcs[0];
        var fix = vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.api" }, EndpointType.Interface, "Add the ecr.api endpoint");
        var fixedText = Apply(text, fix);
        var inserted = Inserted(text, fixedText, fix!);
        Assert.StartsWith("," + newLine + "    \"EcrApiEndpoint\": {" + newLine + "      \"Type\": \"AWS::EC2::VPCEndpoint\"," + newLine + "      \"Properties\": {" + newLine
            + "        \"ServiceName\": { \"Fn::Sub\": \"com.amazonaws.${AWS::Region}.ecr.api\" }," + newLine, inserted);
        Assert.DoesNotContain(newLine == "\r\n" ? "\n" : "\r", inserted.Replace("\r\n", ""));
        var added = Endpoint(Model(fixedText, "t.json"), "EcrApiEndpoint");
        Assert.True(added.Service!.IsEcrApi);
        Assert.True(added.PrivateDns!.Value);
        Assert.True(added.Admits443!.Value);
    }

    [Fact]
    public void Several_endpoints_are_added_at_once_with_unique_names()
    {
        var text = SampleText("ECR005.bad.ec2-tasks-without-ecs-endpoints.yaml").Replace("  LogGroup:", "  EcsEndpoint:\n    Type: AWS::SNS::Topic\n  LogGroup:");
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        var fixedText = Apply(text, vpc.Fixer!.AddEndpoints(vpc, new[] { "ecs", "ecs-agent", "ecs-telemetry" }, EndpointType.Interface, "Add the ECS endpoints"));
        var again = Model(fixedText, "t.yaml");
        Assert.Equal(new[] { "ecs", "ecs-agent", "ecs-telemetry" }, new[] { "EcsEndpoint2", "EcsAgentEndpoint", "EcsTelemetryEndpoint" }.Select(n => Endpoint(again, n).Service!.Service));
    }

    [Fact]
    public void The_s3_gateway_takes_the_route_tables_of_the_vpcs_subnets()
    {
        var text = SampleText("ECR003.bad.missing-s3-gateway.yaml");
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        var fixedText = Apply(text, vpc.Fixer!.AddEndpoints(vpc, new[] { "s3" }, EndpointType.Gateway, "Add the S3 gateway endpoint"));
        Assert.Contains("  S3GatewayEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n      VpcEndpointType: Gateway\n      VpcId: !Ref Vpc\n      RouteTableIds: [!Ref PrivateRouteTable]\n", fixedText);
        var s3 = Endpoint(Model(fixedText, "t.yaml"), "S3GatewayEndpoint");
        Assert.True(s3.IsGateway);
        Assert.True(s3.HasRouteTables!.Value);
    }

    [Fact]
    public void Without_an_interface_endpoint_to_copy_there_is_no_interface_fix_but_a_gateway_one()
    {
        var text = SampleText("ECR008.bad.isolated-without-endpoints.yaml");
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        Assert.Null(vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.dkr" }, EndpointType.Interface, "x"));
        var fixedText = Apply(text, vpc.Fixer.AddEndpoints(vpc, new[] { "s3" }, EndpointType.Gateway, "x"));
        Assert.Contains("      EnableDnsSupport: true\n  S3GatewayEndpoint:\n", fixedText);
        Assert.True(Endpoint(Model(fixedText, "t.yaml"), "S3GatewayEndpoint").HasRouteTables!.Value);
    }

    [Fact]
    public void Block_values_are_copied_with_their_lines()
    {
        var text = "Resources:\n  Api:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcEndpointType: Interface\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.api\n      PrivateDnsEnabled: true\n      VpcId:\n        Fn::ImportValue: shared-vpc\n      SubnetIds:\n        - subnet-1\n        - subnet-2\n";
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        var fixedText = Apply(text, vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.dkr" }, EndpointType.Interface, "x"));
        Assert.EndsWith("        - subnet-2\n  EcrDkrEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n      VpcId:\n        Fn::ImportValue: shared-vpc\n      SubnetIds:\n        - subnet-1\n        - subnet-2\n", fixedText);
        var again = Model(fixedText, "t.yaml");
        Assert.Equal(2, Assert.Single(again.Vpcs).Endpoints.Count);
    }

    [Fact]
    public void China_regions_get_the_cn_prefix_for_ecr()
    {
        var text = SampleText("ECR001.bad.missing-ecr-dkr.yaml").Replace("!Sub com.amazonaws.${AWS::Region}.ecr.api", "!Sub cn.com.amazonaws.${AWS::Region}.ecr.api");
        var model = Model(text, "t.yaml", region: "cn-north-1");
        var vpc = model.Vpcs[0];
        var fixedText = Apply(text, vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.dkr" }, EndpointType.Interface, "x"));
        Assert.Contains("ServiceName: !Sub cn.com.amazonaws.${AWS::Region}.ecr.dkr", fixedText);
    }

    [Fact]
    public void Yaml_fixes_keep_crlf_line_endings()
    {
        var text = SampleText("ECR001.bad.missing-ecr-dkr.yaml").Replace("\n", "\r\n");
        var model = Model(text, "t.yaml");
        var vpc = model.Vpcs[0];
        var fix = vpc.Fixer!.AddEndpoints(vpc, new[] { "ecr.dkr" }, EndpointType.Interface, "x");
        var fixedText = Apply(text, fix);
        var inserted = Inserted(text, fixedText, fix!);
        Assert.StartsWith("\r\n  EcrDkrEndpoint:\r\n    Type: AWS::EC2::VPCEndpoint\r\n", inserted);
        Assert.DoesNotContain("\n", inserted.Replace("\r\n", ""));
        Assert.True(Endpoint(Model(fixedText, "t.yaml"), "EcrDkrEndpoint").PrivateDns!.Value);
        var dns = Model(fixedText, "t.yaml");
        var withDns = Apply(fixedText, dns.Vpcs[0].Fixer!.EnablePrivateDns(Endpoint(dns, "EcrDkrEndpoint"), "x"));
        Assert.Equal(fixedText, withDns);
    }
}
