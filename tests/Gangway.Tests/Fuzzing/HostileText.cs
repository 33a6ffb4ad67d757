using CsCheck;

namespace Gangway.Tests.Fuzzing;

/// <summary>Generators of hostile text: CSV-like token soup, mutations of a valid file, and random bytes.</summary>
internal static class HostileText
{
    private static readonly string[] Tokens =
    [
        ",", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", "\0", " ", "\t", ";", "a", "Sex", "male", "Pclass", "Age",
        "PassengerId", "Name", "3", "-1", "34.5", "1e400", "-1e-400", "NaN", "Infinity", "0x1F", "1,5", "é", "\uFEFF",
        "\ud800", "\udc00", "😀", "\u2028", "\\", "'", "{", "}", "[", "]", ":", "null", "true", "=", "#", "\u00a0",
        new string('x', 300), "12345678901234567890123456789",
    ];

    /// <summary>One token, weighted towards CSV structure.</summary>
    public static Gen<string> Token { get; } = Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]);

    /// <summary>Up to <paramref name="max"/> tokens run together.</summary>
    public static Gen<string> Soup(int max) => Token.Array[0, max].Select(string.Concat);

    /// <summary><paramref name="valid"/> with up to 6 edits: a token inserted, a range deleted, a line repeated or cut short.</summary>
    public static Gen<string> Mutated(string valid) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Token, (kind, at, length, token) => (kind, at, length, token)).Array[0, 6].Select(edits =>
        {
            var text = valid;
            foreach (var (kind, at, length, token) in edits)
            {
                var position = text.Length == 0 ? 0 : at % text.Length;
                text = kind switch
                {
                    0 => text.Insert(position, token),
                    1 => text.Remove(position, Math.Min(length, text.Length - position)),
                    2 => text + text[..position],
                    _ => text[..position],
                };
            }

            return text;
        });

    /// <summary>Random bytes, often empty-ish, sometimes longer.</summary>
    public static Gen<byte[]> Bytes { get; } = Gen.Byte.Array[0, 400];
}
