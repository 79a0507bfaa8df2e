// The model bundle is the study (#15): harmonisation per centre travels with it, every number is
// checked on load (content hash, schema, shapes), and the shareable bundle holds no training row.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/study/run.ts';
import { buildBundle, bundleJson, loadModel, predict, sealBundle, shareBundle, withCentreReference, BUNDLE_JSON_SCHEMA, type ModelBundle } from '../../src/study/bundle.ts';
import { encodeCase } from '../../src/study/bundle-predict.ts';
import type { Table } from '../../src/tables/table.ts';
import { SonomicsError } from '../../src/core/errors.ts';
import type { SvmHead } from '../../src/study/heads/svm.ts';
import type { FittedModel } from '../../src/study/model.ts';

/** The SVM head of a model (the tests' studies use SVM heads). */
const svm = (m: Pick<FittedModel, 'head'> | undefined): SvmHead => m!.head as unknown as SvmHead;
import { readFileSync } from 'node:fs';
import { HAS_SHARED } from '../helpers/shared.ts';
import { EXTERNAL, TRAIN, synthConfig, synthTables } from './helpers.ts';

const refusal = (f: () => unknown): string => {
  try { f(); } catch (e) { return `${(e as SonomicsError).code}: ${(e as Error).message}`; }
  return 'accepted';
};

/** Edit a bundle's JSON and, optionally, recompute its content hash (a deliberate forgery). */
function edited(b: ModelBundle, edit: (o: ModelBundle) => void, reseal = false): string {
  const o = JSON.parse(bundleJson(b)) as ModelBundle;
  edit(o);
  return JSON.stringify(reseal ? sealBundle(o) : o);
}

describe('the bundle schema is published', () => {
  it('docs/bundle.schema.json is the schema loadModel validates with', () => {
    const published = JSON.parse(readFileSync(new URL('../../docs/bundle.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(BUNDLE_JSON_SCHEMA)));
  });
});

describe.skipIf(!HAS_SHARED)('model bundle (synthetic oracle cohorts)', () => {
  const tables = synthTables();
  // A harmonised study with linear heads (shareable) and one with the default RBF heads.
  // clinical.head: svm — the default became logistic in issue #21; these tests exercise the SVM heads' bundle forms
  const linear = { svm: { C: [1], gamma: [0.05] }, clinical: { head: 'svm', kernel: 'linear', variables: [{ name: 'age', type: 'continuous' }, { name: 'sex', type: 'binary' }, { name: 'stage', type: 'categorical' }] }, combined: { kernel: 'linear' } };
  const harmonised = runStudy(synthConfig({ ...linear, radiomics: { include: ['f??'], harmonise: 'centre-robust', kernel: 'linear' } }), tables);
  const bundle = buildBundle(harmonised, { software: { sonomics: 'test' } });
  const text = bundleJson(bundle);
  const externalIds = tables[EXTERNAL]!.rows.map((r) => r.id!);
  const studyExternal = new Map(harmonised.predictions.filter((p) => p.set === 'external').map((p) => [p.id, p]));

  it('must-show (a, library): every external case gets exactly the study\'s probability and class through predict with its centre', () => {
    const b = loadModel(text);
    expect(b.harmonisation).toMatchObject({ method: 'centre-robust', trainingCentres: ['train'], centres: ['external'] });
    for (const row of tables[EXTERNAL]!.rows) {
      const s = studyExternal.get(row.id!)!;
      for (const m of ['clinical', 'radiomics', 'combined'] as const) {
        const p = predict(b, row, { model: m, centre: 'external', caseId: row.id });
        expect(p.risk, `${row.id} ${m}`).toBe(s.probability[m]);
        expect(p.class).toBe(s.predicted[m]);
      }
    }
    // Without the centre the harmonised models refuse, naming the centres they know; the clinical model needs none.
    expect(refusal(() => predict(b, tables[EXTERNAL]!.rows[0]!, { model: 'combined' }))).toMatch(/^BAD_INPUT: .*say which centre.*"train" \(training centre\), "external"/);
    expect(refusal(() => predict(b, tables[EXTERNAL]!.rows[0]!, { model: 'combined', centre: 'elsewhere' }))).toMatch(/has not seen centre "elsewhere".*--centre-reference/);
    expect(predict(b, tables[EXTERNAL]!.rows[0]!, { model: 'clinical' }).risk).toBe(studyExternal.get(externalIds[0]!)!.probability.clinical);
    // Training-centre cases are used as they are: the fitted probabilities.
    const fitted = new Map(harmonised.predictions.filter((p) => p.set === 'fitted').map((p) => [p.id, p.probability.combined]));
    for (const row of tables[TRAIN]!.rows.slice(0, 30)) expect(predict(b, row, { centre: 'train' }).risk).toBe(fitted.get(row.id!));
  });

  it('a new centre from an unlabelled reference set: the same cases as reference give the study\'s external predictions; too few cases is an error', () => {
    const b = loadModel(text);
    const rows = tables[EXTERNAL]!.rows.map(({ y: _y, ...r }) => r); // no outcome needed
    const withNew = withCentreReference(b, 'new scanner', rows, 'ref.csv');
    for (const row of tables[EXTERNAL]!.rows) {
      const p = predict(withNew, row, { centre: 'new scanner' });
      expect(p.risk).toBe(studyExternal.get(row.id!)!.probability.combined);
      expect(p.centre).toEqual({ name: 'new scanner', role: 'reference' });
    }
    expect(refusal(() => withCentreReference(b, 'tiny', rows.slice(0, 19), 'ref.csv'))).toMatch(/^BAD_INPUT: ref.csv \(centre tiny\).*at least 20/);
    expect(refusal(() => withCentreReference(b, 'train', rows, 'ref.csv'))).toMatch(/already knows centre "train"/);
  });

  describe('must-show (b): a tampered bundle is refused', () => {
    const intact = loadModel(text);
    const row = tables[EXTERNAL]!.rows[0]!;

    it('the intact bundle loads and predicts', () => {
      expect(predict(intact, row, { centre: 'external' }).risk).toBe(studyExternal.get(row.id!)!.probability.combined);
    });

    it('an edited number (coefficient, threshold, Platt, harmonisation) is refused by the content hash', () => {
      const edits: Array<[string, (o: ModelBundle) => void]> = [
        ['Platt B', (o) => { svm(o.models.combined).platt.B += 1e-6; }],
        ['threshold', (o) => { o.models.radiomics!.threshold = 0.5; o.models.radiomics!.head.threshold = 0.5; }],
        ['logistic coefficient', (o) => { svm(o.models.clinical).linear!.w[0]! *= 1.01; }],
        ['centre location', (o) => { o.models.combined!.centres!.external!.location[0]! += 1; }],
        ['training range', (o) => { o.training.inputs[0]!.max += 1; }],
      ];
      for (const [what, edit] of edits) expect(refusal(() => loadModel(edited(intact, edit))), what).toMatch(/^BUNDLE_MISMATCH: the model bundle's content does not match its content hash/);
    });

    it('NaN (written as null), text for a number, a missing part: refused by the schema even with a recomputed hash', () => {
      expect(refusal(() => loadModel(edited(intact, (o) => { svm(o.models.combined).platt.A = NaN; }, true)))).toMatch(/^BUNDLE_MISMATCH: [\s\S]*\$\.models\.combined\.head\.platt\.A: expected number, found null/);
      expect(refusal(() => loadModel(edited(intact, (o) => { (svm(o.models.combined).scaler.sd as unknown[])[0] = '1.5'; }, true)))).toMatch(/scaler\.sd\[0\]: expected number, found string/);
      expect(refusal(() => loadModel(edited(intact, (o) => { delete (o as Partial<ModelBundle>).provenance; }, true)))).toMatch(/"provenance" is missing/);
      expect(refusal(() => loadModel(edited(intact, (o) => { o.models.combined!.threshold = 1.2; }, true)))).toMatch(/threshold: 1\.2 is above the maximum 1/);
    });

    it('reordered features are refused (hash), and with a recomputed hash by the consistency checks', () => {
      const swap = (a: string[]) => { [a[0], a[1]] = [a[1]!, a[0]!]; };
      const two = (['radiomics', 'combined', 'clinical'] as const).find((m) => intact.models[m]!.head.features.length >= 2)!;
      expect(refusal(() => loadModel(edited(intact, (o) => swap(o.models[two]!.head.features))))).toMatch(/content hash/);
      expect(refusal(() => loadModel(edited(intact, (o) => swap(o.models[two]!.head.features), true)))).toMatch(new RegExp(`^BUNDLE_MISMATCH: model "${two}" in the bundle: selectedFeatures differ from the head's features`));
      expect(refusal(() => loadModel(edited(intact, (o) => { svm(o.models.combined).scaler.sd.pop(); }, true)))).toMatch(/its svm head has a scaler of \d+\/\d+ values for \d+ features/);
      expect(refusal(() => loadModel(edited(intact, (o) => { o.models.radiomics!.harmonise!.features.reverse(); o.models.radiomics!.harmonise!.features.push('f99'); }, true)))).toMatch(/harmonise/);
    });
  });

  describe('must-show (c): no training row can be recovered from the shareable bundle', () => {
    // The default study: RBF SVM heads (support vectors are scaled training rows).
    const defaults = runStudy(synthConfig({ svm: { C: [1], gamma: [0.05] } }), tables);

    /** Every array of numbers anywhere in the JSON (rows of matrices included). */
    function numericArrays(v: unknown, out: number[][] = []): number[][] {
      if (Array.isArray(v)) {
        if (v.length && v.every((x) => typeof x === 'number')) out.push(v as number[]);
        else for (const x of v) numericArrays(x, out);
      } else if (v && typeof v === 'object') for (const x of Object.values(v)) numericArrays(x, out);
      return out;
    }
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    /** Does some numeric array of the bundle hold this vector as consecutive values? */
    function holds(arrays: number[][], vec: number[]): boolean {
      return arrays.some((a) => {
        for (let s = 0; s + vec.length <= a.length; s++) if (vec.every((x, k) => close(a[s + k]!, x))) return true;
        return false;
      });
    }
    /**
     * Each case's vectors an attacker would look for: its clinical design vector and its radiomics
     * feature vector, raw and scaled by every scaler of the full study (the heads' z-scores, the
     * radiomics score's), in the order the models read them.
     */
    function caseVectors(full: ModelBundle, row: Record<string, string>): number[][] {
      const rec = encodeCase(full, row, row.id);
      const clinicalCols = full.variables.flatMap((v) => v.design);
      const out = [clinicalCols.map((c) => rec[c]!), full.features.map((f) => rec[f]!)];
      for (const m of Object.values(full.models)) {
        const h = svm(m);
        if (h.scaler && h.features.every((f) => rec[f] !== undefined)) {
          out.push(h.features.map((f) => rec[f]!));
          out.push(h.features.map((f, j) => (rec[f]! - h.scaler.mean[j]!) / h.scaler.sd[j]!));
        }
        const rs = m!.radscore;
        if (rs) out.push(rs.features.map((f, j) => (rec[f]! - rs.mean[j]!) / rs.sd[j]!));
      }
      return out.filter((v) => v.length >= 2 && v.every(Number.isFinite));
    }
    const allRows = (t: Record<string, Table>) => [...t[TRAIN]!.rows, ...t[EXTERNAL]!.rows];
    const recovered = (bundle: ModelBundle, full: ModelBundle) => {
      const arrays = numericArrays(JSON.parse(bundleJson(bundle)));
      return allRows(tables).filter((row) => caseVectors(full, row as Record<string, string>).some((v) => holds(arrays, v))).length;
    };

    it('the default study: RBF heads go to the private bundle only; the search finds their support vectors there (the search works) and nothing in the shareable one', () => {
      const full = buildBundle(defaults);
      expect(full.sharing.containsTrainingData).toBe(true);
      const split = shareBundle(full);
      expect(split.private).not.toBeNull();
      const inPrivate = recovered(split.private!, full);
      const nSV = Object.values(full.models).reduce((s, m) => s + (svm(m).svm?.supportVectors.length ?? 0), 0);
      expect(inPrivate, 'positive control: the private bundle reveals training rows').toBeGreaterThan(0.3 * tables[TRAIN]!.rows.length);
      expect(nSV).toBeGreaterThan(0);
      expect(split.notes.join(' ')).toMatch(/bundle\.private\.json/);
      if (split.shareable) {
        expect(split.shareable.sharing.containsTrainingData).toBe(false);
        expect(recovered(split.shareable, full)).toBe(0);
      } else expect(split.notes.join(' ')).toMatch(/no model of this study can be shared/);
    });

    it('linear and score heads are stored as w·z + b: the whole harmonised study is shareable, no row of either cohort in it, predictions exact', () => {
      const full = buildBundle(harmonised);
      const split = shareBundle(full);
      expect(split.private).toBeNull();
      expect(split.shareable).toBe(full);
      expect(full.sharing.containsTrainingData).toBe(false);
      for (const m of Object.values(full.models)) expect(svm(m).svm).toBeUndefined();
      expect(recovered(full, full)).toBe(0);
      // ... while the study's own (unshared) fitted models did hold support vectors.
      expect(svm(harmonised.final.combined).svm!.supportVectors.length).toBeGreaterThan(0);
    });

    it('bundle.includeTrainingData: true keeps the RBF models in the one bundle, marked', () => {
      // clinical.head: svm (RBF) — the default clinical head became logistic in issue #21
      const optIn = runStudy(synthConfig({ svm: { C: [1], gamma: [0.05] }, models: ['clinical'], clinical: { ...synthConfig().clinical, head: 'svm' }, bundle: { includeTrainingData: true } }), tables);
      const split = shareBundle(buildBundle(optIn));
      expect(split.private).toBeNull();
      expect(split.shareable!.sharing).toMatchObject({ containsTrainingData: true, optedIn: true });
      expect(split.notes.join(' ')).toMatch(/includeTrainingData is true/);
    });
  });

  it('provenance: version, hashes, protocol and seed are recorded', () => {
    const b = loadModel(text);
    expect(b.provenance).toMatchObject({ sonomics: 'test', protocol: 'no-leakage', seed: 7 });
    expect(b.provenance.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // The synthetic config's extraction settings, resolved (defaults filled in) and hashed: the bundle can score images.
    expect(b.extraction).toMatchObject({ scoresImages: true, source: 'config' });
    expect(b.provenance.settingsHash).toBe(b.extraction.hash);
  });
});
