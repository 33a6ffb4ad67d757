using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Training;

/// <summary>
/// Finds text inputs that nothing in a fitted model reads. The learner uses numbers only, so such a column would be left
/// out without a word (and still be listed as an input): training fails instead, naming the column and the fix.
/// </summary>
internal static class UnreadInputs
{
    /// <summary>Fails when a text input of <paramref name="spec"/> is read by no step of <paramref name="model"/>.</summary>
    /// <remarks>
    /// What a step reads is what it asks for when compiled for single rows (a column it drops counts as dealt with); a
    /// model with a step that has no row form (e.g. a column transformer) cannot be checked this way and passes.
    /// </remarks>
    /// <exception cref="GangwayException">A text input is unread (InvalidConfiguration).</exception>
    public static void Check(ModelSpec spec, ITransformer model)
    {
        if (FittedSteps.Of(model) is not [.. var features, BinaryClassifierTransformer learner])
        {
            return;
        }

        var inputs = spec.IdColumns.Concat(spec.Inputs).ToList();
        var layout = new RowLayout(inputs.Select(c => (c.Name, c.Type)));
        if (PipelineTransformer.CompileRow(features, layout) is null || learner.FeatureSlots(layout) is null)
        {
            return;
        }

        var unread = inputs
            .Select((column, slot) => (column, slot))
            .Where(c => c.column.Type == ColumnType.Text && spec.Inputs.Contains(c.column) && !layout.HandledSlots.Contains(c.slot))
            .Select(c => c.column.Name)
            .ToList();
        if (unread.Count > 0)
        {
            var (them, are) = unread.Count == 1 ? ("it", "is") : ("them", "are");
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"Spec: text input{(unread.Count == 1 ? "" : "s")} {string.Join(", ", unread.Select(n => $"'{n}'"))} {are} read by no feature step, so the learner (which uses numbers only) would ignore {them}. Encode {them} (e.g. '- step: one_hot' with 'columns: [{unread[0]}]') or remove {them} from 'inputs'.");
        }
    }
}
