/**
 * Input names as a reader would say them, for the calculator and `predict`'s warnings: a feature
 * `{region}_{image}_{family}_{feature}` becomes "Tumour · LoG σ 2 mm · GLCM · joint entropy", the
 * computed scores get words, and a clinical design column its variable's wording ("ca199 > 200").
 */
import type { VariableSpec } from './variables.ts';

const FAMILIES: Record<string, string> = {
  morphology: 'shape', local_intensity: 'local intensity', intensity_statistics: 'first order', intensity_histogram: 'histogram',
  intensity_volume_histogram: 'intensity–volume histogram', glcm: 'GLCM', glrlm: 'GLRLM', glszm: 'GLSZM', gldzm: 'GLDZM', ngtdm: 'NGTDM', ngldm: 'NGLDM',
};
// Longest first, so intensity_volume_histogram is not read as intensity_… .
const FAMILY_KEYS = Object.keys(FAMILIES).sort((a, b) => b.length - a.length);

const SCORES: Record<string, string> = { radscore: 'Radiomics score', clinical_score: 'Clinical score', combined_score: 'Combined score' };

function region(r: string): string {
  const ring = /^ring(\d+(?:\.\d+)?)mm(?:-(\d+(?:\.\d+)?)mm)?$/.exec(r);
  if (ring) return `Ring ${ring[1]} mm${ring[2] ? ` (from ${ring[2]} mm)` : ''}`;
  return r.charAt(0).toUpperCase() + r.slice(1);
}

function image(i: string): string {
  const log = /^log-sigma-(.+)mm$/.exec(i);
  if (log) return `LoG σ ${log[1]!.replace('-', '.')} mm`;
  return i.replaceAll('-', ' ');
}

/** A readable name of a model input (feature, score or clinical design column). */
export function readableInputName(name: string, variables: VariableSpec[] = []): string {
  if (SCORES[name]) return SCORES[name]!;
  const v = variables.find((x) => x.design.includes(name));
  if (v) {
    if (v.derive) return v.derive.text;
    if (v.type === 'categorical' && v.design.length) return `${v.name} = ${v.levels?.[v.design.indexOf(name) + 1] ?? name}`;
    return v.name.replaceAll('_', ' ');
  }
  const parts = name.split('_');
  if (parts.length >= 4) {
    const rest = parts.slice(2).join('_');
    const fam = FAMILY_KEYS.find((f) => rest.startsWith(`${f}_`));
    if (fam) return `${region(parts[0]!)} · ${image(parts[1]!)} · ${FAMILIES[fam]} · ${rest.slice(fam.length + 1).replaceAll('_', ' ')}`;
  }
  return name.replaceAll('_', ' ');
}

/** A number rounded for reading: integers as they are, else 3 significant digits (no 16-digit tails). */
export function readableNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'n/a' : x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2);
  return String(+x.toPrecision(3));
}
