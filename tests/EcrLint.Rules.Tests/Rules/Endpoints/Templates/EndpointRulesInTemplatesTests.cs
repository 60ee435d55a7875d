using static EcrLint.Tests.Rules.Endpoints.Templates.TemplateRuleHelper;

namespace EcrLint.Tests.Rules.Endpoints.Templates;

/// <summary>Every endpoint rule through the CloudFormation front end, in YAML and JSON: where it fires, when it is silent, its fix.</summary>
public class EndpointRulesInTemplatesTests
{
    private const string VpcKey = "/Resources/Vpc";
    private const string LogDriver = "/Resources/Task/Properties/ContainerDefinitions/0/LogConfiguration/LogDriver";
    private const string Image = "/Resources/Task/Properties/ContainerDefinitions/0/Image";
    private const string PrivateImage = "Image: !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1";

    private static string Dns(string endpoint) => $"/Resources/{endpoint}/Properties/PrivateDnsEnabled";

    private static string DnsLine(string endpoint) =>
        $"      ServiceName: !Sub com.amazonaws.${{AWS::Region}}.{endpoint}\n      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n";

    // ---- ECR001 / ECR002 ----

    [Fact]
    public void ECR001_fires_on_the_VPC_without_ecr_dkr_and_its_fix_adds_the_endpoint()
    {
        var bad = Without(Correct, "EcrDkr");
        Fires(bad, "ECR001", (VpcKey, "Vpc"));
        var (yaml, json) = Fix(bad, "ECR001");
        Assert.Contains("  EcrDkrEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      VpcEndpointType: Interface\n      PrivateDnsEnabled: true\n", yaml);
        Assert.Contains("\"EcrDkrEndpoint\": {", json);
        Silent(yaml, "ECR001", "ECR002", "ECR006", "ECR012");
    }

    [Fact]
    public void ECR001_is_silent_on_a_VPC_that_reaches_the_internet()
    {
        var withInternet = With(Without(Correct, "EcrDkr"), InternetGateway);
        // The ecr.api endpoint still makes the VPC PrivateLink-reliant.
        Fires(withInternet, "ECR001", (VpcKey, "Vpc"));
        Silent(Without(Without(Without(withInternet, "EcrApi"), "Logs"), "S3"), "ECR001", "ECR008");
    }

    [Fact]
    public void ECR002_fires_on_the_VPC_without_ecr_api_and_its_fix_adds_the_endpoint()
    {
        var bad = Without(Correct, "EcrApi");
        var f = Fires(bad, "ECR002", (VpcKey, "Vpc"));
        Assert.All(f, x => Assert.Contains("`Service` uses the latest Fargate platform", x.Message));
        var (yaml, _) = Fix(bad, "ECR002");
        Assert.Contains("  EcrApiEndpoint:\n", yaml);
    }

    [Fact]
    public void ECR002_is_silent_for_Fargate_pinned_to_platform_1_3_0()
    {
        var pinned = Edit(Without(Correct, "EcrApi"), ("      LaunchType: FARGATE\n", "      LaunchType: FARGATE\n      PlatformVersion: 1.3.0\n"));
        Silent(pinned, "ECR002");
        Fires(Edit(pinned, ("PlatformVersion: 1.3.0", "PlatformVersion: 1.4.0")), "ECR002", (VpcKey, "Vpc"));
    }

    // ---- ECR003 ----

    [Fact]
    public void ECR003_fires_without_an_S3_gateway_and_its_fix_adds_one_on_the_subnets_route_tables()
    {
        var bad = Without(Correct, "S3");
        Fires(bad, "ECR003", (VpcKey, "Vpc"));
        var (yaml, json) = Fix(bad, "ECR003");
        Assert.Contains("  S3GatewayEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n      VpcEndpointType: Gateway\n      VpcId: !Ref Vpc\n      RouteTableIds: [!Ref RouteTable]", yaml);
        Assert.Contains("\"RouteTableIds\": [{ \"Ref\": \"RouteTable\" }]", json);
    }

    [Fact]
    public void ECR003_and_ECR011_fire_on_an_S3_interface_endpoint_alone()
    {
        var bad = Edit(Correct, ("      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n      VpcEndpointType: Gateway\n      VpcId: !Ref Vpc\n      RouteTableIds: [!Ref RouteTable]",
            "      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n      VpcEndpointType: Interface\n      VpcId: !Ref Vpc\n      SubnetIds: [!Ref SubnetA]\n      SecurityGroupIds: [!Ref EndpointSg]"));
        var f = Fires(bad, "ECR003", (VpcKey, "Vpc"));
        Assert.All(f, x => Assert.Contains("the S3 interface endpoint `S3` does not count", x.Message));
        Fires(bad, "ECR011", ("/Resources/S3/Properties/VpcEndpointType", "Interface"));
    }

    // ---- ECR004 / ECR005 ----

    [Fact]
    public void ECR004_fires_on_the_awslogs_driver_without_a_logs_endpoint_and_its_fix_adds_one()
    {
        var bad = Without(Correct, "Logs");
        Fires(bad, "ECR004", (LogDriver, "awslogs"));
        var (yaml, _) = Fix(bad, "ECR004");
        Assert.Contains("ServiceName: !Sub com.amazonaws.${AWS::Region}.logs", yaml);
        Silent(Edit(bad, ("LogDriver: awslogs", "LogDriver: json-file")), "ECR004");
    }

    [Fact]
    public void ECR005_fires_on_an_EC2_service_and_its_fix_adds_the_three_ECS_endpoints()
    {
        var bad = Edit(Correct, ("RequiresCompatibilities: [FARGATE]", "RequiresCompatibilities: [EC2]"), ("LaunchType: FARGATE", "LaunchType: EC2"));
        var f = Fires(bad, "ECR005", ("/Resources/Service", "Service"));
        Assert.All(f, x => Assert.Contains("lacks the `ecs`, `ecs-agent` and `ecs-telemetry` endpoints", x.Message));
        var (yaml, _) = Fix(bad, "ECR005");
        Assert.Contains("  EcsEndpoint:\n", yaml);
        Assert.Contains("  EcsAgentEndpoint:\n", yaml);
        Assert.Contains("  EcsTelemetryEndpoint:\n", yaml);
        Silent(Correct, "ECR005");
    }

    // ---- ECR006 / ECR007 ----

    [Fact]
    public void ECR006_fires_on_an_explicit_false_and_its_fix_sets_true()
    {
        var bad = Edit(Correct, (DnsLine("ecr.dkr"), DnsLine("ecr.dkr").Replace("true", "false")));
        Fires(bad, "ECR006", (Dns("EcrDkr"), "false"));
        var (yaml, json) = Fix(bad, "ECR006");
        Assert.Equal(Correct, yaml);
        Assert.Equal(ToJson(Correct), json);
    }

    [Fact]
    public void ECR006_fires_on_an_omitted_setting_at_the_Properties_key_and_its_fix_adds_it()
    {
        var bad = Edit(Correct, (DnsLine("ecr.dkr"), DnsLine("ecr.dkr").Replace("      PrivateDnsEnabled: true\n", "")));
        Fires(bad, "ECR006", ("/Resources/EcrDkr/Properties", "Properties"));
        var (yaml, _) = Fix(bad, "ECR006");
        Assert.Contains("      SecurityGroupIds: [!Ref EndpointSg]\n      PrivateDnsEnabled: true\n  Logs:", yaml);
    }

    [Fact]
    public void ECR007_fires_on_ecr_api_without_private_DNS_and_its_fix_sets_true()
    {
        var bad = Edit(Correct, (DnsLine("ecr.api"), DnsLine("ecr.api").Replace("true", "false")));
        Fires(bad, "ECR007", (Dns("EcrApi"), "false"));
        Silent(bad, "ECR006");
        Assert.Equal(Correct, Fix(bad, "ECR007").Yaml);
    }

    // ---- ECR008 ----

    [Fact]
    public void ECR008_fires_on_an_isolated_VPC_without_endpoints_and_offers_no_fix_without_subnets_to_copy()
    {
        var bad = Without(Without(Without(Without(Correct, "EcrApi"), "EcrDkr"), "Logs"), "S3");
        var f = Fires(bad, "ECR008", (VpcKey, "Vpc"));
        Assert.All(f, x => Assert.Equal("private ECR image `210987654321.dkr.ecr.us-east-1.amazonaws.com/app:1`", Assert.Single(x.RelatedLocations).Message));
        NoFix(bad, "ECR008");
        Silent(bad, "ECR001");
    }

    // ---- ECR009 ----

    [Fact]
    public void ECR009_fires_on_a_service_name_in_another_region()
    {
        var bad = Edit(Correct, ("ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr", "ServiceName: com.amazonaws.eu-west-1.ecr.dkr"));
        var f = Fires(bad, "ECR009", ("/Resources/EcrDkr/Properties/ServiceName", "com.amazonaws.eu-west-1.ecr.dkr"));
        Assert.All(f, x => Assert.Contains("Use `com.amazonaws.us-east-1.ecr.dkr`", x.Message));
        SilentIn(bad, "eu-west-1", "ECR009");
    }

    [Fact]
    public void ECR009_fires_on_a_private_image_from_another_region()
    {
        var bad = Edit(Correct, (PrivateImage, "Image: 210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1"));
        Fires(bad, "ECR009", (Image, "210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1"));
    }

    [Fact]
    public void ECR009_is_silent_on_names_in_the_stacks_own_region_whatever_the_run_region()
    {
        SilentIn(Correct, "eu-west-1", "ECR009");
        SilentIn(Correct, null, "ECR009");
    }

    // ---- ECR010 ----

    [Fact]
    public void ECR010_fires_on_a_name_without_region_and_its_fix_writes_the_stacks_region()
    {
        var bad = Edit(Correct, ("ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr", "ServiceName: com.amazonaws.ecr.dkr"));
        Fires(bad, "ECR010", ("/Resources/EcrDkr/Properties/ServiceName", "com.amazonaws.ecr.dkr"));
        Silent(bad, "ECR001", "ECR009");
        var (yaml, json) = Fix(bad, "ECR010");
        Assert.Equal(Correct, yaml);
        Assert.Contains("\"ServiceName\": { \"Fn::Sub\": \"com.amazonaws.${AWS::Region}.ecr.dkr\" }", json);
    }

    [Fact]
    public void ECR010_fires_on_a_misspelled_service_inside_Fn_Sub_and_keeps_the_Sub()
    {
        var bad = Edit(Correct, ("ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.dkr", "ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr-dkr"));
        var f = Fires(bad, "ECR010", ("/Resources/EcrDkr/Properties/ServiceName", null));
        Assert.All(f, x => Assert.Contains("`com.amazonaws.${AWS::Region}.ecr-dkr`", x.Message));
        Assert.Equal(Correct, Fix(bad, "ECR010").Yaml);
        SilentIn(bad, null, "ECR001");
        FiresIn(bad, null, "ECR010", ("/Resources/EcrDkr/Properties/ServiceName", null));
    }

    [Fact]
    public void ECR010_fires_on_a_placeholder_region_and_the_China_prefix()
    {
        Fires(Edit(Correct, ("ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.api", "ServiceName: com.amazonaws.REGION.ecr.api")), "ECR010",
            ("/Resources/EcrApi/Properties/ServiceName", "com.amazonaws.REGION.ecr.api"));
        var china = Edit(Correct, ("ServiceName: !Sub com.amazonaws.${AWS::Region}.ecr.api", "ServiceName: com.amazonaws.cn-north-1.ecr.api"));
        // In China the stack's-region names of the template are wrong too: ECR there is cn.com.amazonaws (F14).
        var f = FiresIn(china, "cn-north-1", "ECR010",
            ("/Resources/EcrApi/Properties/ServiceName", "com.amazonaws.cn-north-1.ecr.api"), ("/Resources/EcrDkr/Properties/ServiceName", null));
        Assert.Contains(f, x => x.Message.Contains("Use `cn.com.amazonaws.cn-north-1.ecr.api`"));
        Assert.Contains(f, x => x.Message.Contains("Use `cn.com.amazonaws.${AWS::Region}.ecr.dkr` (the stack's own region)"));
        Silent(Correct, "ECR010");
    }

    // ---- ECR011 ----

    [Fact]
    public void ECR011_fires_on_an_explicit_or_omitted_gateway_type_for_ecr_dkr()
    {
        Fires(Edit(Correct, (DnsLine("ecr.dkr"), DnsLine("ecr.dkr").Replace("Interface", "Gateway"))), "ECR011",
            ("/Resources/EcrDkr/Properties/VpcEndpointType", "Gateway"));
        var omitted = Edit(Correct, (DnsLine("ecr.dkr"), DnsLine("ecr.dkr").Replace("      VpcEndpointType: Interface\n", "")));
        var f = Fires(omitted, "ECR011", ("/Resources/EcrDkr/Properties", "Properties"));
        Assert.All(f, x => Assert.Contains("by default (the type is omitted)", x.Message));
        Silent(omitted, "ECR001", "ECR006");
        Silent(Correct, "ECR011");
    }

    // ---- ECR012 / ECR013 ----

    [Fact]
    public void ECR012_fires_on_each_interface_endpoint_whose_group_admits_no_443()
    {
        var bad = Edit(Correct, ("FromPort: 443\n          ToPort: 443", "FromPort: 80\n          ToPort: 80"));
        Fires(bad, "ECR012",
            ("/Resources/EcrApi/Properties/SecurityGroupIds", null),
            ("/Resources/EcrDkr/Properties/SecurityGroupIds", null),
            ("/Resources/Logs/Properties/SecurityGroupIds", null));
        Silent(Edit(Correct, ("FromPort: 443\n          ToPort: 443", "FromPort: 0\n          ToPort: 65535")), "ECR012");
    }

    [Fact]
    public void ECR012_is_silent_when_the_groups_are_not_in_the_template()
    {
        Silent(Edit(Correct, ("      SecurityGroupIds: [!Ref EndpointSg]\n  EcrDkr:", "      SecurityGroupIds: [sg-0123456789abcdef0]\n  EcrDkr:")), "ECR012");
    }

    [Fact]
    public void ECR013_fires_on_an_S3_gateway_with_no_route_tables()
    {
        Fires(Edit(Correct, ("RouteTableIds: [!Ref RouteTable]", "RouteTableIds: []")), "ECR013", ("/Resources/S3/Properties/RouteTableIds", "[]"));
        Fires(Edit(Correct, ("      RouteTableIds: [!Ref RouteTable]\n", "")), "ECR013", ("/Resources/S3/Properties", "Properties"));
        Silent(Correct, "ECR013");
    }

    // ---- ECR014 / ECR015 ----

    [Fact]
    public void ECR014_fires_on_a_public_image()
    {
        var bad = Edit(Correct, (PrivateImage, "Image: public.ecr.aws/nginx/nginx:1.27"));
        var f = Fires(bad, "ECR014", (Image, "public.ecr.aws/nginx/nginx:1.27"));
        Assert.All(f, x => Assert.Contains("do not serve ECR Public (F9)", x.Message));
        Fires(Edit(Correct, (PrivateImage, "Image: nginx:1.27")), "ECR014", (Image, "nginx:1.27"));
        Silent(Correct, "ECR014");
    }

    private const string PullThroughCache = """
          Cache:
            Type: AWS::ECR::PullThroughCacheRule
            Properties:
              EcrRepositoryPrefix: ecr-public
              UpstreamRegistryUrl: public.ecr.aws
        """;

    /// <summary>An internet gateway with the default route of the subnets' route table: the VPC reaches the internet.</summary>
    private const string InternetGateway = """
          Igw:
            Type: AWS::EC2::InternetGateway
          IgwAttachment:
            Type: AWS::EC2::VPCGatewayAttachment
            Properties:
              VpcId: !Ref Vpc
              InternetGatewayId: !Ref Igw
          DefaultRoute:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref RouteTable
              DestinationCidrBlock: 0.0.0.0/0
              GatewayId: !Ref Igw
        """;

    [Fact]
    public void ECR015_fires_on_a_pull_through_cache_rule_in_a_VPC_without_NAT()
    {
        Fires(With(Correct, PullThroughCache), "ECR015", ("/Resources/Cache", "Cache"));
        Silent(With(With(Correct, PullThroughCache), InternetGateway), "ECR015");
    }

    // ---- ECR016 / ECR017 ----

    private const string PullPolicy = """
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, ecr:GetAuthorizationToken]
                    Resource: "*"
        """;

    [Fact]
    public void ECR016_fires_when_only_ecr_dkr_has_a_policy()
    {
        var bad = Edit(Correct, ("      SecurityGroupIds: [!Ref EndpointSg]\n  Logs:", "      SecurityGroupIds: [!Ref EndpointSg]\n" + PullPolicy.TrimEnd('\n') + "\n  Logs:"));
        var f = Fires(bad, "ECR016", ("/Resources/EcrDkr/Properties/PolicyDocument/Statement", "Statement"));
        Assert.All(f, x => Assert.Contains("has a policy but the `ecr.api` endpoint `EcrApi` has none", x.Message));
        var both = Edit(bad, ("      SecurityGroupIds: [!Ref EndpointSg]\n  EcrDkr:", "      SecurityGroupIds: [!Ref EndpointSg]\n" + PullPolicy.TrimEnd('\n') + "\n  EcrDkr:"));
        Silent(both, "ECR016");
    }

    [Fact]
    public void ECR017_fires_on_the_first_custom_DNS_server()
    {
        var bad = With(Correct, """
              Dhcp:
                Type: AWS::EC2::DHCPOptions
                Properties:
                  DomainNameServers: [10.0.0.53, AmazonProvidedDNS]
              DhcpAssociation:
                Type: AWS::EC2::VPCDHCPOptionsAssociation
                Properties:
                  VpcId: !Ref Vpc
                  DhcpOptionsId: !Ref Dhcp
            """);
        var f = Fires(bad, "ECR017", ("/Resources/Dhcp/Properties/DomainNameServers/0", "10.0.0.53"));
        Assert.All(f, x => Assert.Contains("`EcrApi`, `EcrDkr` and `Logs` rely on private DNS", x.Message));
        Silent(Edit(bad, ("[10.0.0.53, AmazonProvidedDNS]", "[AmazonProvidedDNS]")), "ECR017");
    }

    // ---- ECR503 ----

    [Fact]
    public void ECR503_fires_on_the_OS_family_of_a_Windows_task()
    {
        var bad = Edit(Correct, ("      NetworkMode: awsvpc\n", "      NetworkMode: awsvpc\n      RuntimePlatform:\n        OperatingSystemFamily: WINDOWS_SERVER_2019_CORE\n"));
        Fires(bad, "ECR503", ("/Resources/Task/Properties/RuntimePlatform/OperatingSystemFamily", "WINDOWS_SERVER_2019_CORE"));
        Silent(Edit(bad, ("WINDOWS_SERVER_2019_CORE", "LINUX")), "ECR503");
    }
}
