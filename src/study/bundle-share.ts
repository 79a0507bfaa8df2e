/**
 * Shareable and private bundles. A bundle is meant to be passed around and loaded into a browser, so
 * by default it carries no individual training rows: a model whose stored form is made of training
 * rows (an RBF SVM: its support vectors, see revealsTrainingRows) is left out of the shareable bundle
 * and kept in a private one (bundle.private.json), which the study says must stay with the data.
 * `bundle.includeTrainingData: true` in the study config puts every model in the one bundle instead,
 * marked `sharing.containsTrainingData`.
 */
import { MODEL_NAMES, type ModelName } from './config.ts';
import { headFor } from './heads/registry.ts';
import type { FittedModel } from './model.ts';
import type { ModelBundle } from './bundle-types.ts';
import { sealBundle } from './bundle-hash.ts';

/**
 * Does this model's stored form contain individual training rows? An RBF SVM's decision function is
 * a sum of Gaussians centred on its support vectors (scaled training rows); any exact form of it lets
 * them be read back (its peaks), so it cannot be shared. Each head answers for itself (heads/).
 */
export function revealsTrainingRows(model: FittedModel): boolean {
  return headFor(model.head.kind, `the ${model.kind} model`).revealsTrainingRows(model.head);
}

export interface SharedBundles {
  /** The bundle to share (bundle.json); null when no model of the study can be shared. */
  shareable: ModelBundle | null;
  /** Every model, training rows included (bundle.private.json); null when the shareable one has them all. */
  private: ModelBundle | null;
  /** What the study should tell the user about the split (empty when nothing was held back). */
  notes: string[];
}

const REASON = 'its head stores training rows (an RBF SVM\'s support vectors are rows of the scaled training data)';

export function shareBundle(full: ModelBundle): SharedBundles {
  const names = MODEL_NAMES.filter((m) => full.models[m]);
  const revealing = names.filter((m) => revealsTrainingRows(full.models[m]!));
  if (revealing.length === 0) return { shareable: full, private: null, notes: [] };
  if (full.sharing.optedIn) {
    return { shareable: full, private: null, notes: [`bundle.includeTrainingData is true: bundle.json holds the support vectors (training rows) of the ${revealing.join(', ')} model(s); share it only as you would the training data.`] };
  }
  const kept = names.filter((m) => !revealing.includes(m));
  const priv = sealBundle({ ...full, sharing: { ...full.sharing, containsTrainingData: true } });
  const notes = [`the ${revealing.join(', ')} model(s) store training rows (${REASON}); they are only in bundle.private.json, which must stay with the training data. Use a linear kernel or a score input (clinical.input / radiomics.input / combined.input: score with kernel: linear) for a shareable model, or set bundle.includeTrainingData: true.`];
  if (kept.length === 0) return { shareable: null, private: priv, notes: [...notes, 'no model of this study can be shared: bundle.json was not written.'] };
  const models: ModelBundle['models'] = {};
  for (const m of kept) models[m] = full.models[m]!;
  const defaultModel: ModelName = kept.includes(full.defaultModel) ? full.defaultModel : kept.includes('combined') ? 'combined' : kept.includes('radiomics') ? 'radiomics' : kept[0]!;
  const used = new Set(kept.flatMap((m) => models[m]!.inputs));
  const shareable = sealBundle({
    ...full,
    defaultModel,
    models,
    variables: full.variables.filter((v) => v.design.some((d) => used.has(d))),
    features: full.features.filter((f) => used.has(f)),
    sharing: { containsTrainingData: false, optedIn: false, omitted: revealing.map((model) => ({ model, reason: `${REASON}; in bundle.private.json` })) },
    harmonisation: full.harmonisation && kept.some((m) => models[m]!.harmonise) ? full.harmonisation : null,
    training: {
      ...full.training,
      inputs: full.training.inputs.filter((s) => used.has(s.name)),
      performance: Object.fromEntries(kept.map((m) => [m, full.training.performance[m]!])),
    },
  });
  if (defaultModel !== full.defaultModel) notes.push(`the shareable bundle's default model is ${defaultModel} (the study's ${full.defaultModel} model is private).`);
  return { shareable, private: priv, notes };
}
