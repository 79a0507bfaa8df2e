/**
 * The clinical form, generated from the bundle: one field per raw column the chosen model needs,
 * with the training cohort's range / proportion as a hint (the bundle records no units: values are
 * in the units of the training table). Binary → no/yes, categorical → its levels, derived
 * ("ca199 > 200") → the raw number, continuous → a number.
 */
import type { ModelBundle, ModelName } from '../../src/index.ts';
import { field, fmt, h } from './dom.ts';

type Spec = ModelBundle['variables'][number];

export interface ClinicalForm { element: HTMLElement; read(): Record<string, number | string>; columns: string[] }

/** The variables (raw-column specs) the model uses. */
export function modelVariables(bundle: ModelBundle, model: ModelName): Spec[] {
  const inputs = new Set(bundle.models[model]?.inputs ?? []);
  return bundle.variables.filter((v) => v.design.some((d) => inputs.has(d)));
}

function summaryHint(bundle: ModelBundle, v: Spec): string {
  const s = bundle.training.inputs.find((t) => t.name === v.design[0]);
  const n = bundle.training.n;
  if (v.derive) return `The model uses “${v.derive.text}”${s ? ` (true in ${fmt(100 * s.mean, 1)}% of the ${n} training cases)` : ''}. Same units as the training table.`;
  if (!s) return v.type === 'categorical' ? `Levels: ${v.levels?.join(', ')}` : 'Same units as the training table.';
  if (v.type === 'binary') return `1 = yes, 0 = no; ${fmt(100 * s.mean, 1)}% yes in the ${n} training cases.`;
  return `Training range ${+s.min.toPrecision(6)} – ${+s.max.toPrecision(6)}, mean ${+s.mean.toPrecision(4)} (SD ${+s.sd.toPrecision(3)}); same units as the training table.`;
}

export function clinicalForm(bundle: ModelBundle, model: ModelName): ClinicalForm {
  const vars = modelVariables(bundle, model);
  const box = h('div', { id: 'clinical-fields' });
  const readers: Array<(row: Record<string, number | string>) => void> = [];
  const columns: string[] = [];
  for (const v of vars) {
    const id = `clin-${v.column}`;
    columns.push(v.column);
    const label = v.derive ? `${v.column} (for ${v.name})` : v.column === v.name ? v.name : `${v.name} (${v.column})`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (v.type === 'binary' && !v.derive) {
      control = h('select', { name: v.column, required: true }, h('option', { value: '', text: '— choose —' }), h('option', { value: '0', text: 'no (0)' }), h('option', { value: '1', text: 'yes (1)' }));
    } else if (v.type === 'categorical') {
      control = h('select', { name: v.column, required: true }, h('option', { value: '', text: '— choose —' }), ...(v.levels ?? []).map((l) => h('option', { value: l, text: l })));
    } else {
      control = h('input', { type: 'number', step: 'any', name: v.column, inputmode: 'decimal', required: true });
    }
    box.append(field(id, label, control, summaryHint(bundle, v)));
    readers.push((row) => {
      const raw = control.value.trim();
      if (raw === '') return; // predict() names what is missing
      row[v.column] = v.type === 'categorical' ? raw : Number(raw);
    });
  }
  const batch = bundle.preprocessing.batchColumn;
  if (batch) {
    const control = h('input', { type: 'text', name: batch });
    box.append(field(`clin-${batch}`, `${batch} (batch / centre)`, control, 'The harmonisation batch (ComBat) this case belongs to, as written in the training table.'));
    readers.push((row) => { if (control.value.trim()) row[batch] = control.value.trim(); });
  }
  if (!vars.length && !batch) box.append(h('p', { class: 'hint', text: 'This model uses no clinical variables.' }));
  return {
    element: box,
    columns,
    read() {
      const row: Record<string, number | string> = {};
      for (const r of readers) r(row);
      return row;
    },
  };
}
