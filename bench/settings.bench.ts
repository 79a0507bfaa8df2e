/**
 * Strict settings validation at the start of `study` and `extract` (issue #14: < 50 ms added).
 * In this fresh process: the import of the schema modules, the first (cold) validation of the
 * demo's study config with its extraction section and of examples/extraction-ultrasound.yaml,
 * and the warm median over 200 repeats. Prints JSON lines.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { emit, round, summarise } from './util.ts';

let t0 = performance.now();
const { parseStudyConfig } = await import('../src/study/config.ts');
const { resolveExtractionSettings } = await import('../src/extract/settings.ts');
const importMs = performance.now() - t0;
const { DEMO_EXTRACTION, demoStudyConfig } = await import('../src/node/demo-config.ts');

const study = { ...demoStudyConfig(2024), extraction: DEMO_EXTRACTION };
const extraction = parseYaml(readFileSync(new URL('../examples/extraction-ultrasound.yaml', import.meta.url), 'utf8')) as unknown;

function time(name: string, f: () => unknown): void {
  let t = performance.now();
  f();
  const coldMs = performance.now() - t;
  const ms: number[] = [];
  for (let i = 0; i < 200; i++) {
    t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  emit({ bench: 'settings-validation', what: name, cold_ms: round(coldMs), ...summarise(ms), target_ms: 50 });
}

t0 = performance.now();
time('study config (demo, with extraction section)', () => parseStudyConfig(structuredClone(study)));
time('extraction settings (examples/extraction-ultrasound.yaml)', () => resolveExtractionSettings(structuredClone(extraction)));
emit({ bench: 'settings-validation', what: 'import of config + settings modules (incl. TypeScript transform)', ms: round(importMs) });
