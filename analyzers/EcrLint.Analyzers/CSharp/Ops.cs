using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EcrLint.Analyzers.CSharp;

/// <summary>Small readers over <see cref="IOperation"/> trees shared by the C# front end.</summary>
internal static class Ops
{
    /// <summary>The operation under implicit and explicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation op)
    {
        while (true)
        {
            switch (op)
            {
                case IConversionOperation c:
                    op = c.Operand;
                    continue;
                case IParenthesizedOperation p:
                    op = p.Operand;
                    continue;
                default:
                    return op;
            }
        }
    }

    /// <summary>The constant string value of an operation, or null.</summary>
    public static string? ConstantString(IOperation? op) =>
        op is not null && op.ConstantValue.HasValue && op.ConstantValue.Value is string s ? s : null;

    /// <summary>The constant boolean value of an operation, or null.</summary>
    public static bool? ConstantBool(IOperation? op) =>
        op is not null && Unwrap(op).ConstantValue is { HasValue: true, Value: bool b } ? b : null;

    /// <summary>The number of an operation (<c>0</c>, <c>1.0</c>), or null.</summary>
    public static double? ConstantNumber(IOperation? op)
    {
        if (op is null) return null;
        var c = Unwrap(op).ConstantValue;
        if (!c.HasValue) c = op.ConstantValue;
        return c.HasValue && c.Value is not null && c.Value is not string and not bool and not char
            ? System.Convert.ToDouble(c.Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The property assignments of an object creation's initializer: <c>new X { A = 1, B = 2 }</c>.</summary>
    public static IEnumerable<ISimpleAssignmentOperation> Assignments(IObjectCreationOperation? creation)
    {
        if (creation?.Initializer is null) yield break;
        foreach (var init in creation.Initializer.Initializers)
        {
            if (init is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } a) yield return a;
        }
    }

    /// <summary>The value assigned to a property in an object creation's initializer, with the assignment.</summary>
    public static ISimpleAssignmentOperation? Assignment(IObjectCreationOperation? creation, string property)
    {
        foreach (var a in Assignments(creation))
        {
            if (((IPropertyReferenceOperation)a.Target).Property.Name == property) return a;
        }

        return null;
    }

    public static IOperation? AssignedValue(IObjectCreationOperation? creation, string property) => Assignment(creation, property)?.Value;

    /// <summary>The syntax of the property name in <c>Name = value</c> (for element name spans).</summary>
    public static SyntaxNode NameSyntax(ISimpleAssignmentOperation assignment) =>
        assignment.Target.Syntax is MemberAccessExpressionSyntax m ? m.Name : assignment.Target.Syntax;

    /// <summary>An explicit (written) argument for a parameter, by name; null when it is omitted.</summary>
    public static IOperation? Argument(IEnumerable<IArgumentOperation> arguments, string parameter)
    {
        foreach (var a in arguments)
        {
            if (a.ArgumentKind == ArgumentKind.DefaultValue) continue;
            if (a.Parameter?.Name == parameter) return a.Value;
        }

        return null;
    }

    /// <summary>An explicit argument by the parameter's position.</summary>
    public static IOperation? Argument(IEnumerable<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var a in arguments)
        {
            if (a.ArgumentKind == ArgumentKind.DefaultValue) continue;
            if (a.Parameter?.Ordinal == ordinal) return a.Value;
        }

        return null;
    }

    /// <summary>The object creation an operation is (through conversions), or null.</summary>
    public static IObjectCreationOperation? Creation(IOperation? op) => op is null ? null : Unwrap(op) as IObjectCreationOperation;

    /// <summary>The elements of an array creation, collection expression or <c>params</c> array; null when not readable.</summary>
    public static IReadOnlyList<IOperation>? Elements(IOperation? op)
    {
        if (op is null) return null;
        op = Unwrap(op);
        switch (op)
        {
            case IArrayCreationOperation { Initializer: { } init }:
                return init.ElementValues;
            case IArrayCreationOperation array when array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }:
                return System.Array.Empty<IOperation>();
            case ICollectionExpressionOperation collection:
            {
                var list = new List<IOperation>();
                foreach (var e in collection.Elements)
                {
                    if (e is ISpreadOperation) return null;
                    list.Add(e);
                }

                return list;
            }

            default:
                return null;
        }
    }

    /// <summary>The symbol an expression names: a local, parameter, field or property (of this or another object).</summary>
    public static ISymbol? ReferencedSymbol(IOperation? op)
    {
        if (op is null) return null;
        return Unwrap(op) switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation { Arguments.Length: 0 } p => p.Property,
            _ => null,
        };
    }

    /// <summary>
    /// Where the value of <paramref name="op"/> is stored: the local it initializes, or the local, field or
    /// property it is assigned to; null otherwise.
    /// </summary>
    public static ISymbol? StoredIn(IOperation op)
    {
        var current = op;
        for (var i = 0; i < 8 && current.Parent is { } parent; i++)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d }:
                    return d.Symbol;
                case IFieldInitializerOperation f when f.InitializedFields.Length == 1:
                    return f.InitializedFields[0];
                case IPropertyInitializerOperation p when p.InitializedProperties.Length == 1:
                    return p.InitializedProperties[0];
                case ISimpleAssignmentOperation a when a.Value == current && a.Parent is not IObjectOrCollectionInitializerOperation:
                    return ReferencedSymbol(a.Target);
                default:
                    return null;
            }
        }

        return null;
    }
}
