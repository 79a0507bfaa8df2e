// The `study` and `predict` sub-commands on a small clinical-only config (fast), end to end
// through YAML, files and the model bundle.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { parseCsv } from '../../src/study/table.ts';

const CSV = sharedPath('data', 'crlm-tcia-clinical', 'crlm_tcia_clinical_197_with_2y_label.csv');

describe.skipIf(!HAS_SHARED)('sonomics study / predict', () => {
  it('writes report, results, predictions and bundle; predict reproduces the fitted risks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-study-'));
    const cfg = join(dir, 'study.yaml');
    writeFileSync(cfg, `title: CLI test
seed: 3
data:
  id: Patient-ID
  outcome: intrahepatic_recurrence_2y
  missingCodes: ["-999"]
  cohorts:
    - { name: tcia, role: main, tables: ["${CSV}"] }
clinical:
  variables:
    - { name: node_positive_primary, type: binary }
    - { name: bilobar_disease, type: binary }
    - { name: chemo_before_liver_resection, type: binary }
    - { name: cea_high, derive: "carcinoembryonic_antigen > 200" }
svm: { C: [1], gamma: [0.1] }
innerFolds: 3
models: [clinical]
`);
    const out = join(dir, 'out');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'study', '--config', cfg, '--out', out]);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/clinical\s+CV \(pooled\)/);
      for (const f of ['report.html', 'results.json', 'predictions.csv', 'bundle.json']) expect(existsSync(join(out, f)), f).toBe(true);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(results.models.clinical.cv).toHaveProperty('auc');
      expect(results.missing.cohorts[0].missingOutcome).toBe(7);

      const preds = join(dir, 'risk.csv');
      await buildProgram().parseAsync(['node', 'sonomics', 'predict', '--model', join(out, 'bundle.json'), '--features', CSV, '--id', 'Patient-ID', '--out', preds]);
      const risk = new Map(parseCsv(readFileSync(preds, 'utf8')).rows.map((r) => [r.id!, Number(r.risk)]));
      const fitted = parseCsv(readFileSync(join(out, 'predictions.csv'), 'utf8')).rows.filter((r) => r.set === 'fitted');
      expect(fitted.length).toBeGreaterThan(150);
      for (const r of fitted) expect(risk.get(r.id!)).toBe(Number(r.p_clinical));
    } finally {
      log.mockRestore();
    }
  });
});
