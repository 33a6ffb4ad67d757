using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gangway.Specs;

/// <summary>Loads a YAML (or JSON) document whose root is a mapping, with errors that name the source and line.</summary>
internal static class YamlText
{
    public static SpecNode Load(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"{source}, line {ex.Start.Line}: not valid YAML or JSON ({ex.InnerException?.Message ?? ex.Message}).",
                ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed input (and duplicate keys) without a position.
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"{source}: not valid YAML or JSON ({ex.Message}).", ex);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new SpecNode(source, "", root)
            : throw new GangwayException(ErrorKind.InvalidConfiguration, $"{source}: the document must be a YAML mapping (key: value lines).");
    }
}
