using Amazon.CDK;
using CdkApp;

// Run by the CDK CLI (cdk.json), the app writes where CDK_OUTDIR says; run with `dotnet run`, into ./cdk.out.
var app = new App(System.Environment.GetEnvironmentVariable("CDK_OUTDIR") is null ? new AppProps { Outdir = "cdk.out" } : null);
new BrokenPrivateLinkStack(app, "BrokenPrivateLink");
new PrivateLinkStack(app, "PrivateLink");
app.Synth();
