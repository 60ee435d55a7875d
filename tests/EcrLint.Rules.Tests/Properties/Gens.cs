using CsCheck;

namespace EcrLint.Tests.Properties;

/// <summary>
/// Generators shared by the property tests. The tests run with CsCheck's defaults (random seeds); a failure
/// prints the seed of the shrunk example, and setting <c>CsCheck_Seed</c> replays it.
/// </summary>
public static class Gens
{
    /// <summary>Strings over an alphabet, short enough to shrink well.</summary>
    public static Gen<string> StringOf(string alphabet, int max = 24) => Gen.String[Gen.Char[alphabet], 0, max];

    /// <summary>Strings made of the given pieces (words the code under test looks for, separators, noise).</summary>
    public static Gen<string> Pieces(int max, params string[] pieces) =>
        Gen.OneOfConst(pieces).Array[0, max].Select(parts => string.Concat(parts));

    /// <summary>Arbitrary UTF-16 strings, surrogates and control characters included.</summary>
    public static Gen<string> AnyString(int max = 40) => Gen.String[Gen.Char, 0, max];
}
