namespace Gangway.Pipelines;

/// <summary>The loaders of every transformer that ships with Gangway.</summary>
internal static class BuiltInTransformers
{
    public static GangwayCatalogBuilder AddBuiltIns(GangwayCatalogBuilder builder) => builder
        .AddTransformer(PipelineTransformer.KindName, PipelineTransformer.Load)
        // Features (one line per step)
        .AddTransformer(Features.SelectColumnsTransformer.KindName, Features.SelectColumnsTransformer.Load)
        .AddTransformer(Features.DropColumnsTransformer.KindName, Features.DropColumnsTransformer.Load)
        .AddTransformer(Features.ImputingTransformer.KindName, Features.ImputingTransformer.Load)
        .AddTransformer(Features.OneHotEncodingTransformer.KindName, Features.OneHotEncodingTransformer.Load)
        .AddTransformer(Features.StandardScalingTransformer.KindName, Features.StandardScalingTransformer.Load)
        .AddTransformer(Features.BinningTransformer.KindName, Features.BinningTransformer.Load)
        .AddTransformer(Features.TitleExtractingTransformer.KindName, Features.TitleExtractingTransformer.Load)
        .AddTransformer(Features.SumColumnsTransformer.KindName, Features.SumColumnsTransformer.Load)
        .AddTransformer(Features.ColumnTransformerTransformer.KindName, Features.ColumnTransformerTransformer.Load)
        .AddTransformer(Upsell.MonotoneTierTransformer.KindName, Upsell.MonotoneTierTransformer.Load)
        // Learners (one line per learner)
        .AddTransformer(Learners.BinaryClassifierTransformer.KindName, Learners.BinaryClassifierTransformer.Load)
        ;
}
