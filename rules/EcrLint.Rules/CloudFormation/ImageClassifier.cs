using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Endpoints;
using EcrLint.Text;

namespace EcrLint.CloudFormation;

/// <summary>
/// Tells where a container image comes from: a private ECR repository (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/...</c>,
/// a repository's <c>RepositoryUri</c>, a CDK image asset), ECR Public (<c>public.ecr.aws</c>), or an upstream
/// registry (Docker Hub, also for bare names like <c>nginx:latest</c>, quay.io, ghcr.io, registry.k8s.io,
/// mcr.microsoft.com, any other host).
/// </summary>
public static class ImageClassifier
{
    /// <summary>Classifies an image written as plain text.</summary>
    public static ImageReference Classify(string image, SourceLocation location)
    {
        var slash = image.IndexOf('/');
        var first = slash < 0 ? image : image.Substring(0, slash);
        var isHost = slash >= 0 && (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost");
        if (!isHost) return new ImageReference(image, ImageSource.Upstream, location) { Registry = "docker.io" };
        return FromHost(image, first, location, null);
    }

    /// <summary>
    /// Classifies an evaluated template value. <paramref name="stackRegion"/> is the region <c>AWS::Region</c>
    /// stands for (null when unknown); <c>Fn::GetAtt Repo.RepositoryUri</c> is a repository of the same stack.
    /// </summary>
    public static ImageReference Classify(CfnValue value, SourceLocation location, string? stackRegion)
    {
        if (value is not CfnString s || s.Parts.Count == 0) return new ImageReference(value.Render(), ImageSource.Unknown, location);
        var text = s.Text;
        if (s.IsKnown) return Classify(text, location);

        // A repository of this template: its URI is a private ECR URI in the stack's region.
        var head = s.Parts[0].Symbol;
        if (head is { Kind: CfnSymbolKind.Attribute, Attribute: "RepositoryUri" })
            return new ImageReference(text, ImageSource.PrivateEcr, location, stackRegion);

        // The registry host: the parts before the first literal '/'.
        var hostParts = new List<CfnStringPart>();
        var sawSlash = false;
        foreach (var p in s.Parts)
        {
            if (p.IsLiteral)
            {
                var slash = p.Text.IndexOf('/');
                if (slash >= 0)
                {
                    if (slash > 0) hostParts.Add(CfnStringPart.Computed(p.Text.Substring(0, slash), p.Span));
                    sawSlash = true;
                    break;
                }
            }

            hostParts.Add(p);
        }

        if (!sawSlash)
        {
            // No registry host: a bare Docker Hub name, unless it starts with a symbol (a parameter, an import).
            return s.Parts[0].IsLiteral && s.Parts[0].Text.IndexOf('.') < 0
                ? new ImageReference(text, ImageSource.Upstream, location) { Registry = "docker.io" }
                : new ImageReference(text, ImageSource.Unknown, location);
        }

        var host = string.Concat(hostParts.Select(p => p.Text));
        var ecr = EcrRegistryMarker(host);
        if (ecr >= 0)
        {
            // The region is the host's next label: literal, or AWS::Region (the stack's own region).
            string? region = null;
            var pos = 0;
            foreach (var p in hostParts)
            {
                var pEnd = pos + p.Text.Length;
                if (ecr >= pos && ecr < pEnd && p.IsLiteral)
                {
                    var rest = p.Text.Substring(ecr - pos);
                    var dot = rest.IndexOf('.');
                    if (dot > 0) region = rest.Substring(0, dot);
                    else if (rest.Length > 0 && dot < 0) region = rest;
                }
                else if (ecr == pos && p.Symbol is { Kind: CfnSymbolKind.PseudoParameter, Name: "AWS::Region" })
                {
                    region = stackRegion;
                }

                pos = pEnd;
            }

            return new ImageReference(text, ImageSource.PrivateEcr, location, region);
        }

        if (hostParts.All(p => p.IsLiteral)) return FromHost(text, host, location, null);
        return new ImageReference(text, ImageSource.Unknown, location);
    }

    /// <summary>The index in the host where the region label of a private ECR registry starts, or -1.</summary>
    private static int EcrRegistryMarker(string host)
    {
        foreach (var marker in new[] { ".dkr.ecr-fips.", ".dkr.ecr." })
        {
            var i = host.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (i >= 0) return i + marker.Length;
        }

        return -1;
    }

    private static ImageReference FromHost(string image, string host, SourceLocation location, string? region)
    {
        var ecr = EcrRegistryMarker(host);
        if (ecr >= 0)
        {
            var rest = host.Substring(ecr);
            var dot = rest.IndexOf('.');
            return new ImageReference(image, ImageSource.PrivateEcr, location, dot > 0 ? rest.Substring(0, dot) : region);
        }

        var bare = host.ToLowerInvariant();
        var colon = bare.IndexOf(':');
        if (colon >= 0) bare = bare.Substring(0, colon);
        if (bare == "public.ecr.aws") return new ImageReference(image, ImageSource.EcrPublic, location) { Registry = "public.ecr.aws" };
        if (bare is "docker.io" or "index.docker.io" or "registry-1.docker.io" or "registry.hub.docker.com")
            return new ImageReference(image, ImageSource.Upstream, location) { Registry = "docker.io" };
        return new ImageReference(image, ImageSource.Upstream, location) { Registry = bare };
    }
}
