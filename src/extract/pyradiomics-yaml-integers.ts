/**
 * Which numbers of a list a YAML file wrote as integers. PyRadiomics names a LoG image by
 * `str(sigma)` (imageoperations.getLoGImage: 'log-sigma-%s-mm-3D' with '.' → '-'), and PyYAML
 * keeps `1` an int and `1.0` a float: `sigma: [1, 2]` gives log-sigma-1-mm-3D, `[1.0, 2.0]`
 * log-sigma-1-0-mm-3D. A JavaScript number has no such difference, so the YAML reader
 * (src/node/settings-file.ts) records it here, beside the parsed list; lists given as JSON or as
 * objects are not recorded and keep the float naming of PyRadiomics' examples.
 */
const written = new WeakMap<object, readonly boolean[]>();

/** Records, for a parsed YAML sequence, which entries were plain integer scalars. */
export function noteYamlIntegers(list: unknown[], integers: readonly boolean[]): void {
  if (integers.some(Boolean)) written.set(list, integers);
}

/** True when entry `index` of `list` was written as an integer in a YAML file. */
export function writtenAsYamlInteger(list: unknown, index: number): boolean {
  return typeof list === 'object' && list !== null && written.get(list)?.[index] === true;
}
