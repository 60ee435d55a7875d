using System;
using System.Collections.Generic;
using System.Globalization;
using EcrLint.Policy;
using EcrLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// Reads CDK IAM code into statement drafts: <c>new PolicyStatement(new PolicyStatementProps { ... })</c>, its
/// object initializer, and the <c>Add*</c> methods and setters applied to it later. Only constants are read; any
/// other expression is an unknown value (<c>IsKnown = false</c>, <c>HasUnknownValues</c>), so nothing is guessed.
/// </summary>
internal sealed class CdkStatementReader
{
    private readonly AwsSymbols _symbols;
    private readonly SourceDocument _doc;

    public CdkStatementReader(AwsSymbols symbols, SourceDocument document)
    {
        _symbols = symbols;
        _doc = document;
    }

    /// <summary>A draft of <c>new PolicyStatement(props) { Sid = ..., Effect = ... }</c>.</summary>
    public StatementDraft ReadCreation(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        var display = syntax switch
        {
            ObjectCreationExpressionSyntax o => new SourcePlace(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(o.NewKeyword.SpanStart, o.Type.Span.End)),
            ImplicitObjectCreationExpressionSyntax i => new SourcePlace(syntax.SyntaxTree, i.NewKeyword.Span),
            _ => SourcePlace.Of(syntax),
        };
        var draft = new StatementDraft(_doc, SourcePlace.Of(syntax), display);
        var props = Ops.Argument(creation.Arguments, 0);
        if (props is not null && Ops.Unwrap(props).ConstantValue is not { HasValue: true, Value: null })
        {
            if (Ops.Creation(props) is { } propsCreation && AwsSymbols.Is(propsCreation.Type, _symbols.PolicyStatementProps))
            {
                if (propsCreation.Arguments.Length > 0) draft.IsOpaque = true;
                foreach (var a in Ops.Assignments(propsCreation)) Apply(draft, a);
            }
            else
            {
                draft.IsOpaque = true;
            }
        }

        foreach (var a in Ops.Assignments(creation)) Apply(draft, a);
        return draft;
    }

    /// <summary>One <c>Name = value</c> of the props or of the statement's initializer.</summary>
    private void Apply(StatementDraft draft, ISimpleAssignmentOperation assignment)
    {
        var property = ((IPropertyReferenceOperation)assignment.Target).Property.Name;
        var name = Spans.ToEngine(Ops.NameSyntax(assignment).Span);
        var value = assignment.Value;
        switch (property)
        {
            case "Sid":
                draft.Sid = Value(value);
                break;
            case "Effect":
                SetEffect(draft, value);
                break;
            case "Actions":
                draft.Action = List("Action", value, name);
                break;
            case "NotActions":
                draft.NotAction = List("NotAction", value, name);
                break;
            case "Resources":
                draft.Resource = List("Resource", value, name);
                break;
            case "NotResources":
                draft.NotResource = List("NotResource", value, name);
                break;
            case "Principals":
                draft.Principal = Principals("Principal", value, name);
                break;
            case "NotPrincipals":
                draft.NotPrincipal = Principals("NotPrincipal", value, name);
                break;
            case "Conditions":
                draft.ConditionSpan = Span(value);
                AddConditions(draft, value);
                break;
        }
    }

    /// <summary>
    /// The change a call on a statement makes (<c>AddActions</c>, <c>AddAnyPrincipal</c>, <c>AddCondition</c> ...), to be
    /// applied to every statement stored in the receiver; null for calls that change nothing the rules read.
    /// </summary>
    public Action<StatementDraft>? ReadMutation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var args = invocation.Arguments;
        var nameSpan = Spans.ToEngine(MethodNameSpan(invocation));
        switch (method.Name)
        {
            case "AddActions":
                return d => Append(d.Action ??= new ListDraft("Action", _doc, nameSpan, nameSpan), args);
            case "AddNotActions":
                return d => Append(d.NotAction ??= new ListDraft("NotAction", _doc, nameSpan, nameSpan), args);
            case "AddResources":
                return d => Append(d.Resource ??= new ListDraft("Resource", _doc, nameSpan, nameSpan), args);
            case "AddNotResources":
                return d => Append(d.NotResource ??= new ListDraft("NotResource", _doc, nameSpan, nameSpan), args);
            case "AddAllResources":
                return d => (d.Resource ??= new ListDraft("Resource", _doc, nameSpan, nameSpan)).Values.Add(new PolicyValue("*", _doc, nameSpan));
            case "AddAnyPrincipal":
                return d => Principal(d, "Principal", nameSpan).Entry("AWS", _doc, nameSpan).Values.Add(new PolicyValue("*", _doc, nameSpan));
            case "AddArnPrincipal":
            case "AddAwsAccountPrincipal":
                return PrincipalFrom("AWS", Ops.Argument(args, 0), nameSpan);
            case "AddAccountRootPrincipal":
                // The stack's account: not known in the code.
                return d => Principal(d, "Principal", nameSpan).Entry("AWS", _doc, nameSpan).HasUnknownValues = true;
            case "AddServicePrincipal":
                return PrincipalFrom("Service", Ops.Argument(args, 0), nameSpan);
            case "AddCanonicalUserPrincipal":
                return PrincipalFrom("CanonicalUser", Ops.Argument(args, 0), nameSpan);
            case "AddFederatedPrincipal":
            {
                var add = PrincipalFrom("Federated", Ops.Argument(args, 0), nameSpan);
                var conditions = Ops.Argument(args, 1);
                return d =>
                {
                    add(d);
                    if (conditions is not null) AddConditions(d, conditions);
                };
            }

            case "AddPrincipals":
            case "AddNotPrincipals":
            {
                var element = method.Name == "AddPrincipals" ? "Principal" : "NotPrincipal";
                var values = ParamsElements(args);
                return d =>
                {
                    var p = Principal(d, element, nameSpan);
                    if (values is null) p.IsUnknown = true;
                    else foreach (var v in values) AddPrincipal(p, v);
                };
            }

            case "AddCondition":
            {
                var key = Ops.Argument(args, 0);
                var value = Ops.Argument(args, 1);
                return d =>
                {
                    d.ConditionSpan ??= nameSpan;
                    if (key is null || value is null) d.HasUnknownConditions = true;
                    else AddOperator(d, Value(key), value);
                };
            }

            case "AddConditions":
            {
                var value = Ops.Argument(args, 0);
                return d =>
                {
                    d.ConditionSpan ??= nameSpan;
                    if (value is null) d.HasUnknownConditions = true;
                    else AddConditions(d, value);
                };
            }

            case "AddSourceAccountCondition":
                return FixedCondition("StringEquals", "aws:SourceAccount", Ops.Argument(args, 0), nameSpan);
            case "AddSourceArnCondition":
                return FixedCondition("ArnEquals", "aws:SourceArn", Ops.Argument(args, 0), nameSpan);
            case "AddAccountCondition":
                return FixedCondition("StringEquals", "sts:ExternalId", Ops.Argument(args, 0), nameSpan);
            default:
                return null;
        }
    }

    /// <summary>The change <c>statement.Effect = ...</c> or <c>statement.Sid = ...</c> makes.</summary>
    public Action<StatementDraft>? ReadSetter(IPropertySymbol property, IOperation value) => property.Name switch
    {
        "Effect" => d => SetEffect(d, value),
        "Sid" => d => d.Sid = Value(value),
        _ => null,
    };

    private void SetEffect(StatementDraft draft, IOperation value)
    {
        var op = Ops.Unwrap(value);
        var span = Span(value);
        if (op is IFieldReferenceOperation { Field: { IsStatic: true } field } && AwsSymbols.Is(field.ContainingType, _symbols.IamEffect))
        {
            var text = field.Name == "ALLOW" ? "Allow" : field.Name == "DENY" ? "Deny" : null;
            if (text is not null)
            {
                draft.EffectValue = new PolicyValue(text, _doc, span);
                draft.Effect = text == "Allow" ? StatementEffect.Allow : StatementEffect.Deny;
                draft.HasUnknownEffect = false;
                return;
            }
        }

        draft.EffectValue = new PolicyValue("", _doc, span) { IsKnown = false };
        draft.Effect = StatementEffect.Invalid;
        draft.HasUnknownEffect = true;
    }

    private Action<StatementDraft> PrincipalFrom(string type, IOperation? value, TextSpan nameSpan) => d =>
    {
        var list = Principal(d, "Principal", nameSpan).Entry(type, _doc, nameSpan);
        AddValue(list, value);
    };

    private Action<StatementDraft> FixedCondition(string op, string key, IOperation? value, TextSpan nameSpan) => d =>
    {
        d.ConditionSpan ??= nameSpan;
        var list = new ListDraft(key, _doc, value is null ? nameSpan : Span(value), nameSpan);
        AddValue(list, value);
        d.Conditions.Add(new ConditionTest(new PolicyValue(op, _doc, nameSpan), new PolicyValue(key, _doc, nameSpan), list.Build()));
    };

    private PrincipalDraft Principal(StatementDraft d, string element, TextSpan nameSpan)
    {
        if (element == "Principal") return d.Principal ??= new PrincipalDraft(element, _doc, nameSpan, nameSpan);
        return d.NotPrincipal ??= new PrincipalDraft(element, _doc, nameSpan, nameSpan);
    }

    /// <summary>A string value: the constant, or an unknown value placed on the expression.</summary>
    public PolicyValue Value(IOperation op)
    {
        var text = Ops.ConstantString(op) ?? Ops.ConstantString(Ops.Unwrap(op));
        return text is not null ? new PolicyValue(text, _doc, Span(op)) : new PolicyValue("", _doc, Span(op)) { IsKnown = false };
    }

    /// <summary>The span a value is reported on: the expression under implicit conversions.</summary>
    private static TextSpan Span(IOperation op) => Spans.ToEngine(Ops.Unwrap(op).Syntax.Span);

    private ListDraft List(string element, IOperation value, TextSpan nameSpan)
    {
        var list = new ListDraft(element, _doc, Span(value), nameSpan);
        var elements = Ops.Elements(value);
        if (elements is null)
        {
            list.HasUnknownValues = Ops.Unwrap(value).ConstantValue is not { HasValue: true, Value: null };
            return list;
        }

        foreach (var e in elements) AddValue(list, e);
        return list;
    }

    private void AddValue(ListDraft list, IOperation? op)
    {
        if (op is null)
        {
            list.HasUnknownValues = true;
            return;
        }

        var scalar = Scalar(op);
        if (scalar is null) list.HasUnknownValues = true;
        else list.Values.Add(new PolicyValue(scalar, _doc, Span(op)));
    }

    /// <summary>A constant string, boolean or number as IAM text; null when not constant.</summary>
    private static string? Scalar(IOperation op)
    {
        var c = op.ConstantValue.HasValue ? op.ConstantValue : Ops.Unwrap(op).ConstantValue;
        if (!c.HasValue || c.Value is null) return null;
        return c.Value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            char ch => ch.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private void Append(ListDraft list, IEnumerable<IArgumentOperation> args)
    {
        var values = ParamsElements(args);
        if (values is null)
        {
            list.HasUnknownValues = true;
            return;
        }

        foreach (var v in values) AddValue(list, v);
    }

    /// <summary>The values passed to a <c>params</c> parameter (expanded or as an array); null when not readable.</summary>
    private static IReadOnlyList<IOperation>? ParamsElements(IEnumerable<IArgumentOperation> args)
    {
        foreach (var a in args)
        {
            if (a.Parameter?.IsParams != true) continue;
            return Ops.Elements(a.Value);
        }

        return Array.Empty<IOperation>();
    }

    private PrincipalDraft Principals(string element, IOperation value, TextSpan nameSpan)
    {
        var p = new PrincipalDraft(element, _doc, Span(value), nameSpan);
        var elements = Ops.Elements(value);
        if (elements is null)
        {
            p.IsUnknown = true;
            return p;
        }

        foreach (var e in elements) AddPrincipal(p, e);
        return p;
    }

    /// <summary>One CDK principal object as IAM writes it (AnyPrincipal = <c>{"AWS": "*"}</c>, StarPrincipal = <c>"*"</c> ...).</summary>
    private void AddPrincipal(PrincipalDraft p, IOperation element)
    {
        var op = Ops.Unwrap(element);
        var span = Span(element);
        var type = op.Type;
        if (op is IObjectCreationOperation creation)
        {
            var arg = Ops.Argument(creation.Arguments, 0);
            if (Same(type, _symbols.StarPrincipal))
            {
                p.IsWildcard = true;
                return;
            }

            if (Same(type, _symbols.AnyPrincipal))
            {
                p.Entry("AWS", _doc, span).Values.Add(new PolicyValue("*", _doc, span));
                return;
            }

            if (AwsSymbols.Is(type, _symbols.AccountRootPrincipal))
            {
                p.Entry("AWS", _doc, span).HasUnknownValues = true;
                return;
            }

            if (AwsSymbols.Is(type, _symbols.ArnPrincipal) && !AwsSymbols.Is(type, _symbols.AnyPrincipal))
            {
                // ArnPrincipal(arn), AccountPrincipal(account): IAM takes an account ID as it takes an ARN.
                if (Same(type, _symbols.ArnPrincipal) || Same(type, _symbols.AccountPrincipal)) AddValue(p.Entry("AWS", _doc, span), arg);
                else p.Entry("AWS", _doc, span).HasUnknownValues = true;
                return;
            }

            if (Same(type, _symbols.ServicePrincipal))
            {
                AddValue(p.Entry("Service", _doc, span), arg);
                return;
            }

            if (Same(type, _symbols.FederatedPrincipal))
            {
                AddValue(p.Entry("Federated", _doc, span), arg);
                return;
            }

            if (Same(type, _symbols.CanonicalUserPrincipal))
            {
                AddValue(p.Entry("CanonicalUser", _doc, span), arg);
                return;
            }
        }

        // A role, a user, a principal built elsewhere: its ARN is not known here.
        var kind = AwsSymbols.Is(type, _symbols.ServicePrincipal) ? "Service" : AwsSymbols.Is(type, _symbols.FederatedPrincipal) ? "Federated" : "AWS";
        p.Entry(kind, _doc, span).HasUnknownValues = true;
    }

    private static bool Same(ITypeSymbol? a, INamedTypeSymbol? b) => b is not null && SymbolEqualityComparer.Default.Equals(a, b);

    /// <summary><c>{ ["StringEquals"] = { ["aws:SourceVpce"] = "vpce-1" } }</c> in dictionary initializers.</summary>
    private void AddConditions(StatementDraft draft, IOperation value)
    {
        var entries = DictionaryEntries(value);
        if (entries is null)
        {
            draft.HasUnknownConditions |= Ops.Unwrap(value).ConstantValue is not { HasValue: true, Value: null };
            return;
        }

        foreach (var (key, inner) in entries) AddOperator(draft, Value(key), inner);
    }

    private void AddOperator(StatementDraft draft, PolicyValue op, IOperation keys)
    {
        var entries = DictionaryEntries(keys);
        if (entries is null || !op.IsKnown)
        {
            draft.HasUnknownConditions = true;
            return;
        }

        foreach (var (key, values) in entries)
        {
            var keyValue = Value(key);
            if (!keyValue.IsKnown)
            {
                draft.HasUnknownConditions = true;
                continue;
            }

            var list = new ListDraft(keyValue.Value, _doc, Span(values), keyValue.Span);
            var elements = Ops.Elements(values);
            if (elements is not null)
            {
                foreach (var e in elements) AddValue(list, e);
            }
            else
            {
                AddValue(list, values);
            }

            var built = list.Build();
            draft.Conditions.Add(new ConditionTest(op, keyValue, elements is null
                ? new PolicyValueList(built.ElementName, built.Values, false, built.Document, built.Span, built.NameSpan) { HasUnknownValues = built.HasUnknownValues }
                : built));
        }
    }

    /// <summary>The entries of a dictionary creation with an initializer (<c>["k"] = v</c> or <c>{ "k", v }</c>); null when not readable.</summary>
    private static List<(IOperation Key, IOperation Value)>? DictionaryEntries(IOperation value)
    {
        if (Ops.Creation(value) is not { Initializer: { } init }) return null;
        var entries = new List<(IOperation, IOperation)>();
        foreach (var i in init.Initializers)
        {
            switch (i)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } a:
                    entries.Add((indexer.Arguments[0].Value, a.Value));
                    break;
                case IInvocationOperation { Arguments.Length: 2 } add:
                    entries.Add((add.Arguments[0].Value, add.Arguments[1].Value));
                    break;
                default:
                    return null;
            }
        }

        return entries;
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan MethodNameSpan(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } ? m.Name.Span
        : invocation.Syntax is InvocationExpressionSyntax { Expression: { } e } ? e.Span
        : invocation.Syntax.Span;
}
