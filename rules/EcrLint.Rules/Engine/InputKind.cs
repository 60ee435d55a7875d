using System;
using EcrLint.Policy;

namespace EcrLint.Engine;

/// <summary>What a file is (cli.md <c>--kind</c>).</summary>
public enum InputKind
{
    Auto,
    EcrEndpoint,
    S3Endpoint,
    Identity,

    /// <summary>A policy of no particular kind.</summary>
    Policy,
    Template,
    Describe,
    Daemon,
}

public static class InputKinds
{
    public static bool TryParse(string text, out InputKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto": kind = InputKind.Auto; return true;
            case "ecr-endpoint": kind = InputKind.EcrEndpoint; return true;
            case "s3-endpoint": kind = InputKind.S3Endpoint; return true;
            case "identity": kind = InputKind.Identity; return true;
            case "policy": kind = InputKind.Policy; return true;
            case "template": kind = InputKind.Template; return true;
            case "describe": kind = InputKind.Describe; return true;
            case "daemon": kind = InputKind.Daemon; return true;
            default: kind = InputKind.Auto; return false;
        }
    }

    public static string ToText(this InputKind kind) => kind switch
    {
        InputKind.EcrEndpoint => "ecr-endpoint",
        InputKind.S3Endpoint => "s3-endpoint",
        InputKind.Identity => "identity",
        InputKind.Policy => "policy",
        InputKind.Template => "template",
        InputKind.Describe => "describe",
        InputKind.Daemon => "daemon",
        _ => "auto",
    };

    public static bool IsPolicy(this InputKind kind) => kind is InputKind.EcrEndpoint or InputKind.S3Endpoint or InputKind.Identity or InputKind.Policy;

    public static PolicyKind ToPolicyKind(this InputKind kind) => kind switch
    {
        InputKind.EcrEndpoint => PolicyKind.EcrEndpoint,
        InputKind.S3Endpoint => PolicyKind.S3Endpoint,
        InputKind.Identity => PolicyKind.Identity,
        _ => PolicyKind.Generic,
    };

    /// <summary>The kind a file name declares: <c>*.s3-endpoint-policy.json</c>, <c>*.ecr-endpoint-policy.json</c>, <c>*.identity-policy.json</c>.</summary>
    public static InputKind FromFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (EndsWith(name, ".s3-endpoint-policy.json")) return InputKind.S3Endpoint;
        if (EndsWith(name, ".ecr-endpoint-policy.json")) return InputKind.EcrEndpoint;
        if (EndsWith(name, ".identity-policy.json")) return InputKind.Identity;
        return InputKind.Auto;
    }

    private static bool EndsWith(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || name.EndsWith(suffix.Replace(".json", ".yaml"), StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(suffix.Replace(".json", ".yml"), StringComparison.OrdinalIgnoreCase);
}
