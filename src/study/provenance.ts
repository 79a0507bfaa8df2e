/**
 * What a study's outputs record about how they were made: the run's provenance (versions, hashes,
 * protocol, seed) that both results.json and the model bundle carry, and the file layer's record of
 * the bundles it wrote. In a file of its own so that the study (run.ts, survival/results-types.ts)
 * and the bundle (bundle-types.ts, bundle.ts, bundle-survival-build.ts) share one definition without
 * importing each other.
 */
import { settingsHash } from '../core/hash.ts';

/** Versions, hashes, protocol and seed of a study run: one shape in results.json and the bundle. */
export interface RunProvenance {
  /** sonomics version that wrote the outputs (and the Node version, when written by the CLI). */
  sonomics: string;
  node?: string;
  /** ISO date the study's outputs were written (absent when built in memory). */
  created?: string;
  /** SHA-256 of the canonical JSON of the resolved extraction settings (null: none recorded). */
  settingsHash: string | null;
  /** SHA-256 of the canonical JSON of the study config (after defaults). */
  configHash: string;
  protocol: string;
  seed: number;
}

/** results.json's provenance: the run's, plus the bundles the file layer wrote. */
export interface StudyProvenance extends RunProvenance {
  bundle: {
    file: string | null; contentHash: string | null; privateFile: string | null; privateContentHash: string | null;
    containsTrainingData: boolean; includeTrainingData: boolean; scoresImages: boolean; omitted: string[];
  };
}

/** The software versions and date a bundle builder is given (BundleOptions). */
export interface ProvenanceSource {
  software?: { sonomics?: string; node?: string };
  created?: string;
}

/** A bundle's provenance from the builder's options, the extraction settings' hash and the study's config, protocol and seed. */
export function runProvenance(opts: ProvenanceSource, extractionHash: string | null, config: unknown, protocol: string, seed: number): RunProvenance {
  return {
    sonomics: opts.software?.sonomics ?? 'unknown',
    ...(opts.software?.node ? { node: opts.software.node } : {}),
    ...(opts.created ? { created: opts.created } : {}),
    settingsHash: extractionHash,
    configHash: settingsHash(config),
    protocol,
    seed,
  };
}
