/**
 * The digital phantom's texture matrices against the IBSI manual's tables
 * (ibsi1_dig_phantom_texture_matrices.csv). The per-slice / per-direction GLCM and GLRLM
 * tables lost their captions in the source conversion, so those are compared as a set;
 * merged and per-slice zone / neighbourhood tables are compared one by one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DIRECTIONS_2D, DIRECTIONS_3D, borderDistanceMap, glcmMatrix, glrlmMatrix, labelZones, mergeMatrices, ngldmMatrix,
  ngtdmMatrix, textureVolume, zoneMatrix, zoneMinimum, type CountMatrix,
} from '../../src/features/texture/index.ts';
import { roiSlices } from '../../src/features/texture/runner.ts';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { digitalPhantomRoi, splitCsv } from './reference.ts';

/** section → table index → canonical entry list "i,j,n". */
function referenceTables(): Map<string, Map<number, string[]>> {
  const text = readFileSync(sharedPath('refdata/ibsi/ibsi1/reference_values/ibsi1_dig_phantom_texture_matrices.csv'), 'utf8');
  const out = new Map<string, Map<number, string[]>>();
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const c = splitCsv(line);
    const section = c[0]!, table = Number(c[1]);
    if (!out.has(section)) out.set(section, new Map());
    const tables = out.get(section)!;
    if (!tables.has(table)) tables.set(table, []);
    tables.get(table)!.push(entry(Number(c[4]), Number(c[6]), Number(c[8])));
  }
  return out;
}

function entry(a: number, b: number, n: number): string {
  return `${a},${Number(b.toFixed(4))},${n}`;
}

function canonical(m: CountMatrix): string {
  const out: string[] = [];
  for (let r = 0; r < m.rows; r++) {
    for (let k = 0; k < m.cols; k++) {
      const n = m.counts[r * m.cols + k]!;
      if (n) out.push(entry(r + 1, k + 1, n));
    }
  }
  return out.sort().join(' ');
}

const sorted = (entries: string[]) => [...entries].sort().join(' ');

describe.skipIf(!HAS_SHARED)('IBSI 1 digital phantom texture matrices', () => {
  const ref = HAS_SHARED ? referenceTables() : new Map<string, Map<number, string[]>>();
  const roi = HAS_SHARED ? digitalPhantomRoi() : null;
  const tables = (section: string) => [...ref.get(section)!.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => sorted(e));

  it('GLCM: 2D per slice and direction (as a set), 2D merged per slice, 3D per direction (as a set), 3D merged', () => {
    const v2 = textureVolume(roi!, 1, 0), v3 = textureVolume(roi!, 1, 1);
    const slices = roiSlices(v2);
    const perSlice = slices.map((z) => DIRECTIONS_2D.map((d) => glcmMatrix(v2, d, 1, z)!));
    expect(perSlice.flat().map(canonical).sort()).toEqual(tables('Grey level co-occurrence matrix (2D)').sort());
    expect(perSlice.map((ms) => canonical(mergeMatrices(ms)))).toEqual(tables('Grey level co-occurrence matrix (2D, merged)'));
    const perDir = DIRECTIONS_3D.map((d) => glcmMatrix(v3, d, 1, -1)!);
    expect(perDir.map(canonical).sort()).toEqual(tables('Grey level co-occurrence matrix (3D)').sort());
    expect([canonical(mergeMatrices(perDir))]).toEqual(tables('Grey level co-occurrence matrix (3D, merged)'));
  });

  it('GLRLM: 2D per slice and direction (as a set), 2D merged per slice, 3D per direction (as a set), 3D merged', () => {
    const v2 = textureVolume(roi!, 1, 0), v3 = textureVolume(roi!, 1, 1);
    const perSlice = roiSlices(v2).map((z) => DIRECTIONS_2D.map((d) => glrlmMatrix(v2, d, z)!));
    expect(perSlice.flat().map(canonical).sort()).toEqual(tables('Grey level run length matrix (2D)').sort());
    expect(perSlice.map((ms) => canonical(mergeMatrices(ms)))).toEqual(tables('Grey level run length matrix (2D, merged)'));
    const perDir = DIRECTIONS_3D.map((d) => glrlmMatrix(v3, d, -1)!);
    expect(perDir.map(canonical).sort()).toEqual(tables('Grey level run length matrix (3D)').sort());
    expect([canonical(mergeMatrices(perDir))]).toEqual(tables('Grey level run length matrix (3D, merged)'));
  });

  it('GLSZM and GLDZM: per slice (2D) and volumetric (3D)', () => {
    for (const volumetric of [false, true]) {
      const v = textureVolume(roi!, 1, volumetric ? 1 : 0);
      const zones = labelZones(v, volumetric);
      const distance = zoneMinimum(v, zones, borderDistanceMap(v, volumetric));
      const units = volumetric ? [-1] : roiSlices(v);
      const tag = volumetric ? '3D' : '2D';
      expect(units.map((z) => canonical(zoneMatrix(zones, 6, z, zones.size, 0)!))).toEqual(tables(`Grey level size zone matrix (${tag})`));
      expect(units.map((z) => canonical(zoneMatrix(zones, 6, z, distance, 0)!))).toEqual(tables(`Grey level distance zone matrix (${tag})`));
    }
  });

  it('NGTDM and NGLDM: per slice (2D) and volumetric (3D)', () => {
    for (const volumetric of [false, true]) {
      const v = textureVolume(roi!, 1, volumetric ? 1 : 0);
      const units = volumetric ? [-1] : roiSlices(v);
      const tag = volumetric ? '3D' : '2D';
      const ngtdm = units.map((z) => {
        const m = ngtdmMatrix(v, 1, volumetric, z)!;
        const out: string[] = [];
        for (let k = 0; k < m.n.length; k++) if (m.n[k]) out.push(entry(k + 1, Number(m.s[k]!.toFixed(4)), m.n[k]!));
        return sorted(out);
      });
      expect(ngtdm).toEqual(tables(`Neighbourhood grey tone difference matrix (${tag})`));
      expect(units.map((z) => canonical(ngldmMatrix(v, 1, 0, volumetric, z)!))).toEqual(tables(`Neighbouring grey level dependence matrix (${tag})`));
    }
  });
});
