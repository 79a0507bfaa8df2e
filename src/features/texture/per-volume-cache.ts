/**
 * A result computed once per texture volume and connectivity (in-plane 8 / volumetric 26), shared
 * by the families that need it (zones for GLSZM and GLDZM, same-level bits for GLRLM and NGLDM).
 * Held weakly: it goes when the volume does.
 */
import type { TextureVolume } from './volume.ts';

export function perVolumeCache<T>(compute: (v: TextureVolume, volumetric: boolean) => T): (v: TextureVolume, volumetric: boolean) => T {
  const cache = new WeakMap<TextureVolume, { planar?: T; volumetric?: T }>();
  return (v, volumetric) => {
    let entry = cache.get(v);
    if (!entry) { entry = {}; cache.set(v, entry); }
    const key = volumetric ? 'volumetric' : 'planar';
    return (entry[key] ??= compute(v, volumetric));
  };
}
