namespace Gangway.Pipelines;

/// <summary>The loaders of every transformer that ships with Gangway.</summary>
internal static class BuiltInTransformers
{
    public static TransformerCatalog RegisterAll(TransformerCatalog catalog) => catalog
        .Register(PipelineTransformer.KindName, PipelineTransformer.Load)
        // Features (one line per step)
        // Learners (one line per learner)
        .Register(Learners.BinaryClassifierTransformer.KindName, Learners.BinaryClassifierTransformer.Load)
        ;
}
