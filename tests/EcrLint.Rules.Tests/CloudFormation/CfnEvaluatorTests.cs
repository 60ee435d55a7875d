using EcrLint.CloudFormation;
using EcrLint.Json;

namespace EcrLint.Tests.CloudFormation;

public class CfnEvaluatorTests
{
    private const string Template = """
        {
          "Parameters": {
            "Env": { "Type": "String", "Default": "prod" },
            "Port": { "Type": "Number", "Default": 443 },
            "NoDefault": { "Type": "String" },
            "Subnets": { "Type": "CommaDelimitedList", "Default": "subnet-a, subnet-b" },
            "SubnetIds": { "Type": "List<AWS::EC2::Subnet::Id>" },
            "Ami": { "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id" }
          },
          "Mappings": {
            "Regions": { "us-east-1": { "Name": "virginia", "Suffix": "x" }, "eu-west-1": { "Name": "ireland", "Suffix": "x" } }
          },
          "Resources": {
            "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },
            "Values": { "Type": "Custom::Values", "Properties": {
              "Region": { "Ref": "AWS::Region" },
              "Partition": { "Ref": "AWS::Partition" },
              "Account": { "Ref": "AWS::AccountId" },
              "Suffix": { "Ref": "AWS::URLSuffix" },
              "Stack": { "Ref": "AWS::StackName" },
              "NoValue": { "Ref": "AWS::NoValue" },
              "Env": { "Ref": "Env" },
              "Port": { "Ref": "Port" },
              "NoDefault": { "Ref": "NoDefault" },
              "Subnets": { "Ref": "Subnets" },
              "SubnetIds": { "Ref": "SubnetIds" },
              "Ami": { "Ref": "Ami" },
              "VpcRef": { "Ref": "Vpc" },
              "Dkr": { "Fn::Join": ["", ["com.amazonaws.", { "Ref": "AWS::Region" }, ".ecr.dkr"]] },
              "JoinList": { "Fn::Join": [",", { "Ref": "SubnetIds" }] },
              "Sub": { "Fn::Sub": "com.amazonaws.${AWS::Region}.ecr.dkr" },
              "SubEscape": { "Fn::Sub": "arn:aws:s3:::bucket/${!aws:username}/${Env}" },
              "SubVars": { "Fn::Sub": ["${Prefix}-${AWS::AccountId}-${Vpc}-${Vpc.CidrBlock}", { "Prefix": { "Ref": "Env" } }] },
              "Select": { "Fn::Select": [1, { "Fn::Split": [",", "a,b,c"] }] },
              "SelectOut": { "Fn::Select": [5, ["a"]] },
              "SelectParam": { "Fn::Select": [0, { "Ref": "SubnetIds" }] },
              "GetAtt": { "Fn::GetAtt": ["Vpc", "CidrBlock"] },
              "Import": { "Fn::ImportValue": { "Fn::Sub": "${Env}-vpc" } },
              "Map": { "Fn::FindInMap": ["Regions", "eu-west-1", "Name"] },
              "MapByRegion": { "Fn::FindInMap": ["Regions", { "Ref": "AWS::Region" }, "Name"] },
              "MapAgreed": { "Fn::FindInMap": ["Regions", { "Ref": "AWS::Region" }, "Suffix"] },
              "IfSame": { "Fn::If": ["IsProd", "x", "x"] },
              "IfDiff": { "Fn::If": ["IsProd", true, false] },
              "IfNoValue": { "Fn::If": ["IsProd", "x", { "Ref": "AWS::NoValue" }] },
              "Base64": { "Fn::Base64": "hi" },
              "Cidr": { "Fn::Cidr": ["10.0.0.0/16", 4, 8] },
              "Azs": { "Fn::GetAZs": "" },
              "Unknown": { "Fn::Transform": { "Name": "X" } }
            } }
          }
        }
        """;

    private static (CfnEvaluator Eval, JsonObject Props) Setup(string? region = null, string? account = null, string? stack = null)
    {
        var (_, root) = TemplateTestHelper.Parse(Template, "t.json");
        var t = CfnTemplate.Read(root);
        return (new CfnEvaluator(t, new CfnEnvironment { Region = region, Account = account, StackName = stack }), t.Resource("Values")!.Properties!);
    }

    private static CfnValue Eval(string name, string? region = null, string? account = null)
    {
        var (e, props) = Setup(region, account);
        return e.Evaluate(props[name]!);
    }

    [Fact]
    public void Pseudo_parameters_stay_symbolic_without_context()
    {
        foreach (var name in new[] { "Region", "Partition", "Account", "Suffix", "Stack" })
        {
            var v = Assert.IsType<CfnString>(Eval(name));
            Assert.False(v.IsKnown);
            Assert.Equal(CfnSymbolKind.PseudoParameter, v.SingleSymbol!.Kind);
        }

        Assert.Equal("${AWS::Region}", Eval("Region").Render());
    }

    [Fact]
    public void Pseudo_parameters_take_the_context()
    {
        var (e, props) = Setup("cn-north-1", "210987654321", "my-stack");
        Assert.Equal("cn-north-1", e.Evaluate(props["Region"]!).KnownText);
        Assert.Equal("aws-cn", e.Evaluate(props["Partition"]!).KnownText);
        Assert.Equal("210987654321", e.Evaluate(props["Account"]!).KnownText);
        Assert.Equal("amazonaws.com.cn", e.Evaluate(props["Suffix"]!).KnownText);
        Assert.Equal("my-stack", e.Evaluate(props["Stack"]!).KnownText);
        Assert.IsType<CfnNoValue>(e.Evaluate(props["NoValue"]!));
    }

    [Fact]
    public void Parameters_with_defaults_are_known_and_others_are_not()
    {
        Assert.Equal("prod", Eval("Env").KnownText);
        Assert.Equal(443, Eval("Port").KnownInteger);
        var none = Assert.IsType<CfnString>(Eval("NoDefault"));
        Assert.Equal("Param:NoDefault", none.SingleSymbol!.Key);
        var list = Assert.IsType<CfnList>(Eval("Subnets"));
        Assert.Equal(new[] { "subnet-a", "subnet-b" }, list.Items.Select(i => i.KnownText));
        Assert.True(Assert.IsType<CfnUnknown>(Eval("SubnetIds")).IsList);
        // The default of an SSM parameter is the parameter's name, not its value.
        Assert.False(Eval("Ami").IsKnown);
    }

    [Fact]
    public void Ref_to_a_resource_is_a_symbol()
    {
        var v = Assert.IsType<CfnString>(Eval("VpcRef"));
        Assert.Equal("Ref:Vpc", v.SingleSymbol!.Key);
    }

    [Fact]
    public void Join_keeps_the_region_symbolic_or_takes_it_from_the_context()
    {
        Assert.Equal("com.amazonaws.${AWS::Region}.ecr.dkr", Eval("Dkr").Render());
        Assert.False(Eval("Dkr").IsKnown);
        Assert.Equal("com.amazonaws.eu-west-1.ecr.dkr", Eval("Dkr", "eu-west-1").KnownText);
        Assert.False(Eval("JoinList").IsKnown);
    }

    [Fact]
    public void Sub_string_form_escapes_and_variables()
    {
        Assert.Equal("com.amazonaws.${AWS::Region}.ecr.dkr", Eval("Sub").Render());
        Assert.Equal("com.amazonaws.us-east-1.ecr.dkr", Eval("Sub", "us-east-1").KnownText);
        Assert.Equal("arn:aws:s3:::bucket/${aws:username}/prod", Eval("SubEscape").KnownText);
        var v = Assert.IsType<CfnString>(Eval("SubVars", account: "210987654321"));
        Assert.Equal("prod-210987654321-${Vpc}-${Vpc.CidrBlock}", v.Render());
        Assert.Equal(new[] { "Ref:Vpc", "GetAtt:Vpc.CidrBlock" }, v.Symbols.Select(s => s.Key));
    }

    [Fact]
    public void Select_split_getatt_import()
    {
        Assert.Equal("b", Eval("Select").KnownText);
        Assert.False(Eval("SelectOut").IsKnown);
        Assert.False(Eval("SelectParam").IsKnown);
        Assert.Equal("GetAtt:Vpc.CidrBlock", ((CfnString)Eval("GetAtt")).SingleSymbol!.Key);
        Assert.Equal("Import:prod-vpc", ((CfnString)Eval("Import")).SingleSymbol!.Key);
    }

    [Fact]
    public void FindInMap_with_literal_keys_and_agreeing_entries()
    {
        Assert.Equal("ireland", Eval("Map").KnownText);
        Assert.False(Eval("MapByRegion").IsKnown);
        Assert.Equal("virginia", Eval("MapByRegion", "us-east-1").KnownText);
        // Every region maps Suffix to "x": known even without the region.
        Assert.Equal("x", Eval("MapAgreed").KnownText);
    }

    [Fact]
    public void If_is_known_only_when_both_branches_agree()
    {
        Assert.Equal("x", Eval("IfSame").KnownText);
        var diff = Assert.IsType<CfnUnknown>(Eval("IfDiff"));
        Assert.Equal(2, diff.Alternatives.Count);
        Assert.Null(Eval("IfDiff").KnownBool);
        Assert.False(Eval("IfNoValue").IsKnown);
    }

    [Fact]
    public void Base64_cidr_getazs_and_unknown_functions()
    {
        Assert.Equal("aGk=", Eval("Base64").KnownText);
        Assert.True(Assert.IsType<CfnUnknown>(Eval("Cidr")).IsList);
        Assert.True(Assert.IsType<CfnUnknown>(Eval("Azs")).IsList);
        Assert.False(Eval("Unknown").IsKnown);
    }

    [Fact]
    public void Values_keep_the_span_of_their_expression()
    {
        var (e, props) = Setup();
        var node = props["Dkr"]!;
        var v = e.Evaluate(node);
        Assert.Equal(node.Span, v.Span);
        var text = node.Document.Text;
        var region = ((CfnString)v).Parts.Single(p => p.Symbol is not null).Symbol!;
        Assert.Equal("{ \"Ref\": \"AWS::Region\" }", text.Substring(region.Span.Start, region.Span.Length));
    }

    [Fact]
    public void Literal_parts_map_each_character_to_the_file()
    {
        var (e, props) = Setup(region: "us-east-1");
        var v = (CfnString)e.Evaluate(props["SubEscape"]!);
        var text = props.Document.Text;
        var pos = 0;
        foreach (var p in v.Parts)
        {
            for (var k = 0; k < p.Text.Length; k++)
            {
                if (p.Source is not null) Assert.Equal(p.Text[k], text[p.OffsetOf(k)]);
            }

            pos += p.Text.Length;
        }

        // "${aws:username}" comes from "${!aws:username}": the '!' is skipped.
        var escaped = v.Parts.First(p => p.Text.Contains("${"));
        Assert.Equal('$', text[escaped.OffsetOf(escaped.Text.IndexOf("${", StringComparison.Ordinal))]);
    }

    [Fact]
    public void Yaml_short_forms_evaluate_like_long_forms()
    {
        var yaml = "Resources:\n  X:\n    Type: T\n    Properties:\n      A: !Sub com.amazonaws.${AWS::Region}.ecr.dkr\n      B: !Join ['', [com.amazonaws., !Ref 'AWS::Region', .ecr.dkr]]\n      C: !Select [0, !Split [',', 'x,y']]\n      D: !GetAtt Vpc.VpcId\n";
        var (_, root) = TemplateTestHelper.Parse(yaml, "t.yaml");
        var t = CfnTemplate.Read(root, isYaml: true);
        var e = new CfnEvaluator(t);
        var p = t.Resource("X")!.Properties!;
        Assert.Equal("com.amazonaws.${AWS::Region}.ecr.dkr", e.Evaluate(p["A"]!).Render());
        Assert.Equal("com.amazonaws.${AWS::Region}.ecr.dkr", e.Evaluate(p["B"]!).Render());
        Assert.Equal("x", e.Evaluate(p["C"]!).KnownText);
        Assert.Equal("GetAtt:Vpc.VpcId", ((CfnString)e.Evaluate(p["D"]!)).SingleSymbol!.Key);
    }

    [Fact]
    public void Deep_nesting_stays_unknown_instead_of_overflowing()
    {
        var inner = "\"x\"";
        for (var i = 0; i < 55; i++) inner = "{ \"Fn::Base64\": " + inner + " }";
        var (_, root) = TemplateTestHelper.Parse("{ \"Resources\": { \"X\": { \"Type\": \"T\", \"Properties\": { \"A\": " + inner + " } } } }", "t.json");
        var t = CfnTemplate.Read(root);
        Assert.False(new CfnEvaluator(t).Evaluate(t.Resource("X")!.Properties!["A"]!).IsKnown);
    }
}
