/**
 * Study benchmark: the example study (examples/study-synth.yaml: 200 + 150 cases, 40 features,
 * three models, 5 fixed folds, 3×3 SVM grid, 5 inner folds), timed per stage, plus the report
 * render and a 1,000-case predict loop through the model bundle. Prints JSON lines.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadStudy } from '../src/node/study-files.ts';
import { runStudy } from '../src/study/run.ts';
import { renderReport } from '../src/report/render.ts';
import { buildBundle, loadModel, predict } from '../src/study/bundle.ts';
import { emit, round } from './util.ts';

const config = fileURLToPath(new URL('../examples/study-synth.yaml', import.meta.url));
const study = loadStudy(config);
if (!existsSync(fileURLToPath(new URL('../../shared/README.md', import.meta.url))) && !process.env.SONOMICS_SHARED) {
  emit({ bench: 'study', skipped: 'no ../shared' });
} else {
  let t0 = performance.now();
  const result = runStudy(study.config, study.tables);
  const studyMs = performance.now() - t0;
  t0 = performance.now();
  const html = renderReport(result);
  const reportMs = performance.now() - t0;
  const bundle = loadModel(JSON.stringify(buildBundle(result)));
  const rows = study.tables[study.config.data.cohorts[1]!.tables[0]!]!.rows;
  t0 = performance.now();
  let n = 0;
  while (n < 1000) for (const r of rows) { if (n++ >= 1000) break; predict(bundle, r); }
  const predictMs = performance.now() - t0;
  emit({ bench: 'study', case: 'synth 200+150, 40 features, 3 models, 5-fold', study_ms: round(studyMs, 1), fits: result.selection.folds + 1, report_ms: round(reportMs, 1), report_kb: round(html.length / 1024, 1) });
  emit({ bench: 'study', case: 'predict (combined, with contributions)', cases: 1000, total_ms: round(predictMs, 1), per_case_ms: round(predictMs / 1000, 3) });
}
