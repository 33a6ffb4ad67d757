namespace Gangway.Pipelines;

/// <summary>The loaders of every transformer that ships with Gangway.</summary>
internal static class BuiltInTransformers
{
    public static TransformerCatalog RegisterAll(TransformerCatalog catalog) => catalog
        .Register(PipelineTransformer.KindName, PipelineTransformer.Load)
        // Features (one line per step)
        .Register(Features.SelectColumnsTransformer.KindName, Features.SelectColumnsTransformer.Load)
        .Register(Features.DropColumnsTransformer.KindName, Features.DropColumnsTransformer.Load)
        .Register(Features.ImputingTransformer.KindName, Features.ImputingTransformer.Load)
        .Register(Features.OneHotEncodingTransformer.KindName, Features.OneHotEncodingTransformer.Load)
        .Register(Features.StandardScalingTransformer.KindName, Features.StandardScalingTransformer.Load)
        .Register(Features.BinningTransformer.KindName, Features.BinningTransformer.Load)
        .Register(Features.TitleExtractingTransformer.KindName, Features.TitleExtractingTransformer.Load)
        .Register(Features.SumColumnsTransformer.KindName, Features.SumColumnsTransformer.Load)
        .Register(Features.ColumnTransformerTransformer.KindName, Features.ColumnTransformerTransformer.Load)
        .Register(Upsell.MonotoneTierTransformer.KindName, Upsell.MonotoneTierTransformer.Load)
        // Learners (one line per learner)
        .Register(Learners.BinaryClassifierTransformer.KindName, Learners.BinaryClassifierTransformer.Load)
        ;
}
