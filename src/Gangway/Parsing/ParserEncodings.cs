using System.Text;
using Gangway.Specs;

namespace Gangway.Parsing;

/// <summary>The text encodings a parser spec may name.</summary>
internal static class ParserEncodings
{
    public const string Utf8 = "utf-8";
    public const string Latin1 = "iso-8859-1";
    public const string Windows1252 = "windows-1252";

    private static readonly string[] Names = [Utf8, Latin1, Windows1252];

    static ParserEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Check(SpecNode node)
    {
        var name = node.Scalar().ToLowerInvariant();
        return Names.Contains(name, StringComparer.Ordinal)
            ? name
            : throw node.Error($"must be one of {string.Join(", ", Names)}; got '{node.Scalar()}'");
    }

    /// <summary>The decoder for <paramref name="name"/>; invalid UTF-8 is an error, never silently replaced.</summary>
    public static Encoding Get(string name) => name switch
    {
        Latin1 => Encoding.Latin1,
        Windows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => new UTF8Encoding(false, throwOnInvalidBytes: true),
    };
}
