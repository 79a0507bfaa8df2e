/**
 * The IBSI 1 compliance check: compute every family and aggregation that the reference
 * table lists for a configuration, map each reference row to our feature by IBSI code
 * (+ aggregation; the IVH shares codes, so it maps by name) and compare.
 */
import type { Image, Mask } from '../../image/image.ts';
import { featureFamily, type FamilyName } from '../families.ts';
import { computeFamilies, type FamilyResult } from '../pipeline.ts';
import type { TextureAggregation } from '../types.ts';
import { ibsiSettings, passes, type IbsiConfig, type ReferenceRow } from './reference.ts';

export interface ComplianceRow {
  config: string;
  family: string;
  aggregation: string;
  feature: string;
  ibsi_code: string;
  reference: number;
  tolerance: number | null;
  /** Our value; null when the family is not available in this build. */
  value: number | null;
  pass: boolean;
  /** Our feature name (`{family}_{feature}`), when mapped. */
  name?: string;
}

/**
 * Our feature name within its family for a reference row, or undefined when unmapped: by the
 * family's own reference-name table where it has one (the IVH), else by IBSI code.
 */
export function mapReference(row: ReferenceRow): string | undefined {
  const family = featureFamily(row.family);
  if (!family) return undefined;
  if (family.ibsiReferenceNames) return family.ibsiReferenceNames[row.feature];
  return family.features.find((d) => d.ibsiCode === row.ibsiCode)?.name;
}

/** Run one configuration on its image and mask against its reference rows. */
export function checkConfig(config: IbsiConfig, image: Image, mask: Mask, rows: ReferenceRow[], families?: FamilyName[]): ComplianceRow[] {
  const mine = rows.filter((r) => r.config === config && (!families || families.includes(r.family as FamilyName)));
  const fams = [...new Set(mine.map((r) => r.family))] as FamilyName[];
  const aggregations: Partial<Record<FamilyName, TextureAggregation[]>> = {};
  for (const r of mine) {
    if (!r.aggregation) continue;
    const list = (aggregations[r.family as FamilyName] ??= []);
    if (!list.includes(r.aggregation)) list.push(r.aggregation);
  }
  const results: FamilyResult[] = computeFamilies(image, mask, ibsiSettings(config), { families: fams, aggregations });
  const lookup = new Map(results.map((r) => [`${r.family}|${r.aggregation}`, r.values]));
  return mine.map((r) => {
    const values = lookup.get(`${r.family}|${r.aggregation}`);
    const name = mapReference(r);
    const value = values && name !== undefined && name in values ? values[name]! : null;
    return {
      config, family: r.family, aggregation: r.aggregation, feature: r.feature, ibsi_code: r.ibsiCode,
      reference: r.reference, tolerance: r.tolerance, value,
      pass: value !== null && passes(value, r.reference, r.tolerance),
      ...(name ? { name: `${r.family}_${name}` } : {}),
    };
  });
}

export interface ComplianceSummary {
  config: string;
  family: string;
  matched: number;
  total: number;
}

export function summarise(rows: ComplianceRow[]): ComplianceSummary[] {
  const m = new Map<string, ComplianceSummary>();
  for (const r of rows) {
    const k = `${r.config}|${r.family}`;
    const s = m.get(k) ?? { config: r.config, family: r.family, matched: 0, total: 0 };
    s.total++;
    if (r.pass) s.matched++;
    m.set(k, s);
  }
  return [...m.values()];
}
