/**
 * The bundle's content hash: SHA-256 of the canonical JSON (keys sorted) of everything but the hash
 * itself, so any edit of a number, name or order after the study wrote the file is detected on load.
 */
import { canonicalJson, sha256Hex } from '../core/hash.ts';
import type { ModelBundle } from './bundle-types.ts';

/** SHA-256 of the canonical JSON of the bundle without its contentHash. */
export function bundleContentHash(bundle: Omit<ModelBundle, 'contentHash'> | ModelBundle): string {
  const { contentHash: _h, ...rest } = bundle as ModelBundle;
  return sha256Hex(new TextEncoder().encode(canonicalJson(rest)));
}

/** The bundle with its content hash (re)computed. */
export function sealBundle(bundle: Omit<ModelBundle, 'contentHash'> | ModelBundle): ModelBundle {
  const { contentHash: _h, ...rest } = bundle as ModelBundle;
  return { ...rest, contentHash: bundleContentHash(rest) } as ModelBundle;
}

/** The bundle as the file the study writes (and the browser reads). */
export function bundleJson(bundle: ModelBundle): string {
  return JSON.stringify(bundle, null, 1) + '\n';
}

