// A study whose cohort is an image manifest: `sonomics study` extracts the features first (with
// the config's extraction settings), joins them to the pass-through clinical columns, and runs.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main.ts';
import { encodePng } from '../../src/io/png-write.ts';
import { Random } from '../../src/core/random.ts';
import { settingsHash } from '../../src/core/hash.ts';
import { resolveExtractionSettings } from '../../src/extract/settings.ts';

describe('study from an image manifest', () => {
  it('extracts, then runs the study; the bundle records the settings and their hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonomics-manifest-study-'));
    const rng = new Random(8);
    const lines = ['case_id,image,tumour_mask,y,age'];
    const W = 32;
    for (let c = 0; c < 30; c++) {
      const y = c % 2;
      // Events have a brighter, more heterogeneous tumour: a radiomics signal the study must find.
      // Case-level variation of brightness and heterogeneity keeps any single feature from
      // separating the classes perfectly (that would now stop the study as possible leakage, issue #14).
      const offset = 20 * y + 12 * rng.normal();
      const spread = (15 + 12 * y) * Math.exp(0.35 * rng.normal());
      const img = Array.from({ length: W * W }, (_, i) => {
        const inside = Math.abs((i % W) - 16) < 7 && Math.abs(Math.floor(i / W) - 16) < 6;
        return Math.max(0, Math.min(255, Math.round(inside ? 90 + offset + spread * rng.normal() : 60 + 10 * rng.normal())));
      });
      const mask = Array.from({ length: W * W }, (_, i) => (Math.abs((i % W) - 16) < 7 && Math.abs(Math.floor(i / W) - 16) < 6 ? 255 : 0));
      writeFileSync(join(dir, `i${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: img }));
      writeFileSync(join(dir, `m${c}.png`), encodePng({ width: W, height: W, channels: 1, bitDepth: 8, data: mask }));
      lines.push(`C${c},i${c}.png,m${c}.png,${y},${50 + Math.round(10 * rng.normal())}`);
    }
    writeFileSync(join(dir, 'manifest.csv'), lines.join('\n') + '\n');
    const extraction = { regions: { tumour: true, rings: [], parenchyma: false }, images: [{ type: 'original' }], features: { dimension: '2D', discretisation: { method: 'FBN', value: 16 } } };
    writeFileSync(join(dir, 'study.yaml'), JSON.stringify({
      title: 'manifest study', seed: 3,
      data: { id: 'case_id', outcome: 'y', cohorts: [{ name: 'main', role: 'main', manifest: 'manifest.csv' }] },
      clinical: { variables: [{ name: 'age', type: 'continuous' }] },
      radiomics: { include: ['tumour_*'] },
      svm: { C: [1], gamma: [0.05] }, innerFolds: 3, evaluation: { folds: 3 },
      extraction,
    }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await buildProgram().parseAsync(['node', 'sonomics', 'study', '--config', join(dir, 'study.yaml'), '--out', join(dir, 'out'), '--workers', '0', '-q']);
    } finally {
      log.mockRestore();
    }
    const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
    expect(results.cohorts[0]).toMatchObject({ n: 30, events: 15 });
    expect(results.features.candidates.length).toBeGreaterThan(20);
    expect(results.models.radiomics.cv.auc).toBeGreaterThan(0.7);
    // RBF heads (support vectors = training rows): the models are in the private bundle (#15). The
    // bundle stores the settings as the extraction resolved and recorded them (run.json), defaults
    // filled in, with that record's hash.
    const bundle = JSON.parse(readFileSync(join(dir, 'out', 'bundle.private.json'), 'utf8'));
    const resolved = resolveExtractionSettings(extraction);
    expect(bundle.extraction.settings).toEqual(resolved);
    expect(bundle.extraction.hash).toBe(settingsHash(resolved));
    expect(bundle.extraction.hash).toBe(JSON.parse(readFileSync(join(dir, 'out', 'extract-main', 'run.json'), 'utf8')).settings_hash);
    expect(bundle.extraction).toMatchObject({ source: 'extraction record', scoresImages: true });
  });
});
