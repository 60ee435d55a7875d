using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using EcrLint.Engine;
using EcrLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EcrLint.Analyzers;

/// <summary>
/// Lints the policy files, templates and daemon.json passed to the compiler as AdditionalFiles, with the same
/// engine as the command line, and reports inside those files (path, line, column), as BannedApiAnalyzers does
/// for its text files. Severities follow the standard <c>dotnet_diagnostic.ECRnnn.severity</c> keys of a
/// <c>.globalconfig</c>. The nearest <c>.ecrlint.json</c> AdditionalFile at or above a file applies to it: its
/// region and account (after the MSBuild properties), severity levels, <c>kinds</c>, <c>exclude</c> and
/// <c>suppressions</c> (suppressed and <c>none</c> findings are not reported); an invalid one is reported as ECR400.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdditionalFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var settings = AnalyzerSettings.Read(start.Options, start.CancellationToken);
            start.RegisterAdditionalFileAction(file => AnalyzeFile(file, settings));
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, AnalyzerSettings settings)
    {
        var path = context.AdditionalFile.Path;
        if (AnalyzerSettings.IsConfigFile(path))
        {
            foreach (var config in settings.Configs)
            {
                if (config.Error is not null && string.Equals(config.File.Path, path, StringComparison.Ordinal))
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(RuleCatalog.ECR400), config.ErrorLocation(), config.Error.Message));
            }

            return;
        }

        if (!IsCandidate(path)) return;
        var configFile = settings.ConfigFor(path);
        var ecrlintConfig = configFile?.Config;
        if (ecrlintConfig is not null && ecrlintConfig.IsExcluded(path)) return;
        try
        {
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null) return;
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            var kind = ecrlintConfig?.KindFor(path) ?? InputKind.Auto;
            var result = Linter.LintFile(path, bytes, configFile?.Context ?? settings.BaseContext, kind, explicitFile: false);
            foreach (var finding in result.Findings)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (finding.IsSuppressed) continue;
                if (ecrlintConfig?.SuppressionFor(finding.RuleId, path, finding.Pointer) is not null) continue;
                context.ReportDiagnostic(DiagnosticFactory.Create(finding));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            // The file could not be read as text by the compiler's host; nothing to report about policies.
        }
    }

    /// <summary>JSON and YAML files, except EcrLint's own configuration.</summary>
    internal static bool IsCandidate(string path)
    {
        if (AnalyzerSettings.IsConfigFile(path)) return false;
        var ext = Path.GetExtension(path);
        return ext.Equals(".json", StringComparison.OrdinalIgnoreCase) || ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".template", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Turns engine findings into Roslyn diagnostics located in the file (or C# document) they are about.</summary>
internal static class DiagnosticFactory
{
    /// <param name="finding">The engine's finding.</param>
    /// <param name="map">Places engine locations in C# syntax trees; null or a null result: a location in an AdditionalFile.</param>
    /// <param name="extraProperties">Properties for code fixes, added to (or replacing) the engine fix's title and key.</param>
    /// <param name="includeEngineFix">False when the engine's JSON fix cannot be carried over (its edits are not in the C# source).</param>
    public static Diagnostic Create(Finding finding, Func<EcrLint.Text.SourceLocation, Location?>? map = null, IEnumerable<KeyValuePair<string, string?>>? extraProperties = null, bool includeEngineFix = true)
    {
        var location = (map?.Invoke(finding.Location)) ?? ToLocation(finding.Location);
        var additional = new List<Location>();
        foreach (var related in finding.RelatedLocations) additional.Add((map?.Invoke(related.Location)) ?? ToLocation(related.Location));
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (finding.Fix is not null && includeEngineFix) properties = properties.Add("EcrLint.FixTitle", finding.Fix.Title).Add("EcrLint.FixKey", finding.Fix.EquivalenceKey);
        if (extraProperties is not null) properties = properties.SetItems(extraProperties);
        var descriptor = Descriptors.Get(finding.Rule);
        // The finding's own level: a rule may report some findings below its default (ECR413's unknown condition keys
        // are warnings), and .ecrlint.json may set the rule's level; a dotnet_diagnostic key in force still wins.
        var severity = Descriptors.ToRoslyn(finding.Severity);
        return severity == descriptor.DefaultSeverity
            ? Diagnostic.Create(descriptor, location, additional, properties, finding.Message)
            : Diagnostic.Create(descriptor, location, severity, additional, properties, finding.Message);
    }

    /// <summary>A location in a file that is not a C# syntax tree (an AdditionalFile).</summary>
    public static Location ToLocation(EcrLint.Text.SourceLocation location)
    {
        var span = location.FileSpan;
        var start = location.Start;
        var end = location.End;
        return Location.Create(
            location.Path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(start.Line - 1, start.Column - 1), new LinePosition(end.Line - 1, end.Column - 1)));
    }
}
