/**
 * `sonomics predict --model bundle.json (--features table.csv | --manifest cases.csv)`: risk, class
 * and top drivers per case. With --manifest the features are first extracted with the settings
 * stored in the bundle (so they cannot differ); with --features, --settings checks that the table
 * was extracted with the bundle's settings.
 */
import { workersOption } from './numbers.ts';
import type { Command } from 'commander';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import { readTableFile } from '../node/study-files.ts';
import { loadExtractionSettings, runExtraction } from '../node/extract-run.ts';
import { resolveExtractionSettings, type ExtractionSettings } from '../extract/settings.ts';
import { canonicalJson } from '../core/hash.ts';
import { loadModel, MIN_REFERENCE_CASES, predict, withCentreReference, type ModelBundle } from '../study/bundle.ts';
import { survivalRows, parseTimes } from './predict-survival.ts';
import { patientRows } from './predict-patients.ts';
import type { ModelName } from '../study/config.ts';
import { toCsv } from '../tables/csv.ts';
import type { Table } from '../tables/table.ts';

interface PredictOptions { times?: string; curve?: string; model: string; features?: string; manifest?: string; settings?: string; work?: string; workers?: number; id?: string; use?: ModelName; out?: string; centre?: string; centreReference?: string; patient?: string }

function bundleSettings(bundle: ModelBundle, path: string): ExtractionSettings {
  if (!bundle.extraction.scoresImages) {
    throw new SonomicsError('BUNDLE_MISMATCH', `${path} is features-only: it cannot score images because ${bundle.extraction.why ?? 'it records no extraction settings'}; extract the features yourself and pass --features.`);
  }
  return resolveExtractionSettings(bundle.extraction.settings, `${path} extraction settings`);
}

async function casesTable(bundle: ModelBundle, o: PredictOptions): Promise<{ table: Table; id: string }> {
  if (o.manifest) {
    const settings = bundleSettings(bundle, o.model);
    const outDir = resolve(o.work ?? mkdtempSync(join(tmpdir(), 'sonomics-predict-')));
    const ex = await runExtraction({ manifest: o.manifest, idColumn: o.id, settings, outDir, workers: o.workers, progress: false });
    for (const f of ex.failed) console.error(`sonomics: case ${f.caseId} not extracted: ${f.message} [${f.code}]`);
    return { table: readTableFile(ex.tablePath), id: 'case_id' };
  }
  if (!o.features) throw new SonomicsError('BAD_INPUT', 'predict needs --features <table.csv> or --manifest <cases.csv>.');
  if (o.settings) {
    const given = canonicalJson(loadExtractionSettings(o.settings));
    if (given !== canonicalJson(bundleSettings(bundle, o.model))) {
      throw new SonomicsError('BUNDLE_MISMATCH', `${o.features} was extracted with ${o.settings}, which differs from the settings the model was trained with (stored in ${o.model}); re-extract with those settings or use --manifest.`);
    }
  }
  return { table: readTableFile(o.features), id: o.id ?? 'id' };
}

export function addPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('Apply a model bundle from `sonomics study` to new cases.')
    .requiredOption('-m, --model <bundle.json>', 'model bundle written by `sonomics study`')
    .option('-f, --features <table.csv>', 'one row per case: id, clinical columns and feature values')
    .option('--manifest <cases.csv>', 'image manifest: extract features with the bundle\'s settings, then predict (clinical columns pass through)')
    .option('--settings <file>', 'with --features: the extraction settings used, checked against the bundle\'s')
    .option('--work <dir>', 'with --manifest: folder for the extraction (default: a temporary folder)')
    .option('--workers <n>', 'with --manifest: extraction worker processes', workersOption)
    .option('--id <column>', 'case-id column (default: id; case_id with --manifest)')
    .option('--use <model>', 'which model of the bundle: clinical, radiomics or combined (default: the bundle\'s default)')
    .option('--centre <name>', 'models trained with centre harmonisation: the centre the cases come from (the training centre, a centre the bundle has seen, or a new one with --centre-reference)')
    .option('--centre-reference <table.csv>', `with --centre NAME: unlabelled feature table of at least ${MIN_REFERENCE_CASES} cases of that new centre, to align it to the training centre`)
    .option('--times <list>', 'survival models: times (in the study\'s time unit, months) to give S(t) and the risk at, e.g. 12,24,36 (default: the bundle\'s: the horizon and the config\'s times, or 12, 24, 36)')
    .option('--curve <file>', 'survival models: also write each case\'s survival curve S(t) (long CSV: id, time, survival)')
    .option('--patient <column>', 'patient-level models (data.unit: patient): the column naming each lesion row\'s patient; the rows of a patient are combined by the model\'s rule, one prediction per patient')
    .option('-o, --out <file>', 'write predictions CSV here (default: print to stdout)')
    .action(async (o: PredictOptions) => {
      let bundle = loadModel(readFileSync(o.model, 'utf8'));
      if (o.centreReference) {
        if (!o.centre) throw new SonomicsError('BAD_INPUT', '--centre-reference needs --centre NAME: the name of the new centre the reference set comes from.');
        bundle = withCentreReference(bundle, o.centre, readTableFile(o.centreReference).rows, o.centreReference);
      }
      const { table, id } = await casesTable(bundle, o);
      if (!table.columns.includes(id)) throw new SonomicsError('BAD_INPUT', `${table.source}: no id column "${id}"; pass --id <column>.`);
      if (bundle.survival) {
        const out = survivalRows(bundle, table.rows, id, { model: o.use, times: o.times === undefined ? undefined : parseTimes(o.times) });
        for (const w of out.notes) console.error(`sonomics: ${w}`);
        if (o.curve) {
          writeFileSync(o.curve, out.curveCsv);
          console.error(`survival curves: ${o.curve}`);
        }
        if (o.out) {
          writeFileSync(o.out, out.csv);
          console.log(`predictions for ${table.rows.length} case(s): ${o.out}`);
        } else process.stdout.write(out.csv);
        return;
      }
      if (o.times !== undefined || o.curve !== undefined) throw new SonomicsError('BAD_INPUT', `--times and --curve apply to survival models; ${o.model} is a bundle of a binary study (its risk has no time).`);
      const model = bundle.models[o.use ?? bundle.defaultModel];
      if (o.patient) {
        if (!table.columns.includes(o.patient)) throw new SonomicsError('BAD_INPUT', `${table.source}: no patient column "${o.patient}" (--patient).`);
        const out = patientRows(bundle, table.rows as Array<Record<string, string>>, id, o.patient, { model: o.use, centre: o.centre });
        if (o.out) {
          writeFileSync(o.out, out.csv);
          console.log(`predictions for ${out.patients} patient(s): ${o.out}`);
        } else process.stdout.write(out.csv);
        return;
      }
      // Loud: without --patient each row is taken as a patient with that one lesion.
      if (model?.patient) console.error(`sonomics: the ${model.kind} model predicts patients (rule ${model.patient.rule}); each row is taken as a patient with one lesion — pass --patient COLUMN to combine a patient's lesion rows.`);
      const rows = table.rows.map((r) => {
        const p = predict(bundle, r, { model: o.use, caseId: r[id], centre: o.centre });
        return [r[id]!, p.model, p.risk, p.class, p.threshold, p.contributions.slice(0, 3).map((c) => `${c.name}:${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(3)}`).join(' '), p.warnings.join('; '), p.centre?.name ?? ''];
      });
      const csv = toCsv(['id', 'model', 'risk', 'class', 'threshold', 'top_contributions', 'warnings', 'centre'], rows);
      if (o.out) {
        writeFileSync(o.out, csv);
        console.log(`predictions for ${rows.length} case(s): ${o.out}`);
      } else process.stdout.write(csv);
    });
}
