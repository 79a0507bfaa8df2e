/**
 * Which columns are radiomics features: glob include/exclude patterns, then the
 * {region}_{image}_{family}_{feature} groups (the feature-name convention of src/features).
 */
import type { StudyConfig } from './config.ts';

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`);
}

/** Split a feature name into its parts; image names use hyphens, never underscores. */
export function featureNameParts(name: string): { region: string; image: string; family: string; feature: string } | undefined {
  const parts = name.split('_');
  if (parts.length < 4) return undefined;
  return { region: parts[0]!, image: parts[1]!, family: parts[2]!, feature: parts.slice(3).join('_') };
}

export function selectFeatureColumns(candidates: string[], rad: StudyConfig['radiomics']): string[] {
  const inc = rad.include.map(globToRegExp);
  const exc = rad.exclude.map(globToRegExp);
  return candidates.filter((c) => {
    if (inc.length && !inc.some((r) => r.test(c))) return false;
    if (exc.some((r) => r.test(c))) return false;
    if (rad.regions.length || rad.images.length || rad.families.length) {
      const p = featureNameParts(c);
      if (!p) return false;
      if (rad.regions.length && !rad.regions.includes(p.region)) return false;
      if (rad.images.length && !rad.images.includes(p.image)) return false;
      if (rad.families.length && !rad.families.includes(p.family)) return false;
    }
    return true;
  });
}
