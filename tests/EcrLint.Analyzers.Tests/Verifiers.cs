using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EcrLint.Analyzers.Tests;

/// <summary>
/// Analyzer tests compiled against .NET 8 reference assemblies plus the real AWS CDK (Amazon.CDK.Lib 2.160.0,
/// Constructs, Amazon.JSII.Runtime) and AWS SDK for .NET (AWSSDK.EC2, AWSSDK.Core) metadata: no stub types.
/// </summary>
public static class References
{
    public static IReadOnlyList<MetadataReference> Aws { get; } = new[]
    {
        typeof(Amazon.CDK.Stack).Assembly,
        typeof(Constructs.Construct).Assembly,
        typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly,
        typeof(Amazon.EC2.Model.CreateVpcEndpointRequest).Assembly,
        typeof(Amazon.Runtime.AmazonWebServiceRequest).Assembly,
    }.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToList();
}

public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.AddRange(References.Aws);
    }
}
