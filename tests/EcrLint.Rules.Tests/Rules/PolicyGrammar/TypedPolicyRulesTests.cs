using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Rules.PolicyGrammar;

/// <summary>The rules about JSON text, which policies built with typed APIs (CDK statements in C#) are not given to.</summary>
public sealed class TypedPolicyRulesTests
{
    [Fact]
    public void The_rules_about_json_text_are_element_names_and_types_duplicate_keys_version_and_size()
    {
        var ids = PolicyRule.All.Where(r => r.ChecksJsonText).SelectMany(r => r.Descriptors).Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(new[] { "ECR401", "ECR402", "ECR408", "ECR409", "ECR411", "ECR412" }, ids);
    }

    [Fact]
    public void A_policy_built_with_types_is_not_given_to_them_and_keeps_every_other_finding()
    {
        // No Version (ECR401), a misspelled element (ECR408), a duplicate key (ECR411), a number for Sid (ECR412),
        // and a misspelled action (ECR201), which is about the policy's meaning.
        const string text = "{\"Statement\":[{\"Sid\":1,\"Effect\":\"Allow\",\"Principal\":\"*\",\"Actoin\":\"x\",\"Action\":\"ecr:BatchGetImages\",\"Action\":\"ecr:BatchGetImages\",\"Resource\":\"*\"}]}";
        var parsed = JsonParser.Parse(new SourceDocument("p.json", text));
        var policy = PolicyBinder.Bind((JsonObject)parsed.Root!);
        var context = new LintContext();

        var asJson = Linter.LintPolicy(policy, PolicyKind.EcrEndpoint, context).Select(f => f.RuleId).ToHashSet();
        var asTyped = Linter.LintPolicy(policy, PolicyKind.EcrEndpoint, context, builtWithTypes: true).Select(f => f.RuleId).ToHashSet();

        Assert.Superset(new HashSet<string> { "ECR401", "ECR408", "ECR411", "ECR412", "ECR201" }, asJson);
        Assert.DoesNotContain(asTyped, id => id is "ECR401" or "ECR402" or "ECR408" or "ECR409" or "ECR411" or "ECR412");
        Assert.Equal(asJson.Where(id => id is not ("ECR401" or "ECR402" or "ECR408" or "ECR409" or "ECR411" or "ECR412")).ToHashSet(), asTyped);
        Assert.Contains("ECR201", asTyped);
    }
}
