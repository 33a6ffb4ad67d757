using Gangway.Parsing;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway;

/// <summary>
/// Everything Gangway can build or load by name: the feature steps and learners a spec file may use, the transformer
/// kinds a saved model may contain, and the parser types a parser spec may name. A host builds one at start-up with
/// <see cref="GangwayCatalogBuilder"/> (custom steps included) and passes it to what reads specs, trains, tunes, reads
/// bundles or parses data. Immutable, so one instance is safely shared by every thread; there is no global registration.
/// </summary>
public sealed class GangwayCatalog
{
    internal GangwayCatalog(FeatureStepCatalog featureSteps, LearnerCatalog learners, TransformerCatalog transformers, ParserCatalog parsers)
    {
        FeatureSteps = featureSteps;
        Learners = learners;
        Transformers = transformers;
        Parsers = parsers;
    }

    /// <summary>The catalog of everything that ships with Gangway, and nothing else.</summary>
    public static GangwayCatalog BuiltIn { get; } = CreateBuilder().Build();

    /// <summary>The feature steps spec files can name, with their binders.</summary>
    public FeatureStepCatalog FeatureSteps { get; }

    /// <summary>The learners spec files can name, with their binders and simplicity rules.</summary>
    public LearnerCatalog Learners { get; }

    /// <summary>The transformer kinds saved models can contain, with their loaders.</summary>
    public TransformerCatalog Transformers { get; }

    /// <summary>The parser types parser specs can name.</summary>
    public ParserCatalog Parsers { get; }

    /// <summary>A builder that already holds every built-in step, learner, transformer and parser; add custom ones and call <see cref="GangwayCatalogBuilder.Build"/>.</summary>
    public static GangwayCatalogBuilder CreateBuilder() => new GangwayCatalogBuilder().AddBuiltIns();
}
