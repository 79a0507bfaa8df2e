/**
 * NRRD reader (teem NRRD format, NRRD0001–NRRD0005; http://teem.sourceforge.net/nrrd/format.html):
 * 2D and 3D scalar volumes, encodings raw / gzip / ascii, attached data or a detached data
 * file (`data file:`) whose bytes a caller-supplied resolver returns (the library never touches
 * files). Geometry: `space directions` → spacing (column norms) + direction; `space origin`;
 * `spacings` when there are no directions. RAS/LAS spaces are turned into LPS like NIfTI.
 */
import { SonomicsError } from '../core/errors.ts';
import { createImage, type Image, type Mat3, type Vec3 } from '../image/image.ts';
import { inflateCapped, MAX_INFLATED_BYTES } from './gzip.ts';
import { checkDeclaredSize, MAX_VOLUME_VOXELS } from './limits.ts';
import { defineImageFormat } from './format.ts';

export function isNrrd(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 7)) === 'NRRD000';
}

export interface NrrdOptions {
  name?: string;
  /** Returns the bytes of a detached data file named in the header (relative to the header). */
  resolveDataFile?: (fileName: string) => Uint8Array;
}

interface Header { fields: Map<string, string>; dataStart: number }

function parseHeader(bytes: Uint8Array, name: string): Header {
  const fields = new Map<string, string>();
  let pos = 0;
  let first = true;
  while (pos < bytes.length) {
    let end = bytes.indexOf(10, pos);
    if (end < 0) end = bytes.length;
    let line = new TextDecoder('latin1').decode(bytes.subarray(pos, end));
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (first) { first = false; continue; } // magic line
    if (line === '') return { fields, dataStart: pos };
    if (line.startsWith('#')) continue;
    const kv = line.indexOf(':=');
    if (kv >= 0) continue; // key/value pairs carry no geometry
    const colon = line.indexOf(': ');
    if (colon < 0) throw new SonomicsError('CORRUPT_FILE', `${name}: NRRD header line '${line.slice(0, 60)}' is not 'field: value'`, { subject: name });
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 2).trim());
  }
  return { fields, dataStart: bytes.length };
}

const TYPES: Array<[string[], number, (dv: DataView, o: number, le: boolean) => number]> = [
  [['signed char', 'int8', 'int8_t'], 1, (dv, o) => dv.getInt8(o)],
  [['uchar', 'unsigned char', 'uint8', 'uint8_t'], 1, (dv, o) => dv.getUint8(o)],
  [['short', 'short int', 'signed short', 'signed short int', 'int16', 'int16_t'], 2, (dv, o, le) => dv.getInt16(o, le)],
  [['ushort', 'unsigned short', 'unsigned short int', 'uint16', 'uint16_t'], 2, (dv, o, le) => dv.getUint16(o, le)],
  [['int', 'signed int', 'int32', 'int32_t'], 4, (dv, o, le) => dv.getInt32(o, le)],
  [['uint', 'unsigned int', 'uint32', 'uint32_t'], 4, (dv, o, le) => dv.getUint32(o, le)],
  [['longlong', 'long long', 'long long int', 'signed long long', 'signed long long int', 'int64', 'int64_t'], 8, (dv, o, le) => Number(dv.getBigInt64(o, le))],
  [['ulonglong', 'unsigned long long', 'unsigned long long int', 'uint64', 'uint64_t'], 8, (dv, o, le) => Number(dv.getBigUint64(o, le))],
  [['float'], 4, (dv, o, le) => dv.getFloat32(o, le)],
  [['double'], 8, (dv, o, le) => dv.getFloat64(o, le)],
];

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A typed array over the voxel bytes when the file's byte order is the host's (the fast path). */
function typedView(typeName: string, buf: ArrayBuffer): ArrayLike<number> | null {
  const t = TYPES.find(([names]) => names.includes(typeName))![0][0];
  switch (t) {
    case 'signed char': return new Int8Array(buf);
    case 'uchar': return new Uint8Array(buf);
    case 'short': return new Int16Array(buf);
    case 'ushort': return new Uint16Array(buf);
    case 'int': return new Int32Array(buf);
    case 'uint': return new Uint32Array(buf);
    case 'float': return new Float32Array(buf);
    case 'double': return new Float64Array(buf);
    default: return null; // 64-bit integers go through DataView + Number()
  }
}

function parseVector(s: string): number[] | null {
  if (s === 'none') return null;
  return s.replace(/[()]/g, '').split(',').map(Number);
}

export function readNrrd(bytes: Uint8Array, opts: NrrdOptions = {}): Image {
  const name = opts.name ?? 'NRRD file';
  const corrupt = (why: string) => new SonomicsError('CORRUPT_FILE', `${name}: ${why}`, { subject: name });
  if (!isNrrd(bytes)) throw corrupt('no NRRD magic (NRRD000x) at the start');
  const { fields, dataStart } = parseHeader(bytes, name);
  const need = (k: string) => {
    const v = fields.get(k);
    if (v === undefined) throw corrupt(`required header field '${k}' is missing`);
    return v;
  };
  const dimension = Number(need('dimension'));
  const sizes = need('sizes').split(/\s+/).map(Number);
  if (!(dimension >= 1 && dimension <= 3) || sizes.length !== dimension || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NRRD with dimension ${dimension} and sizes '${fields.get('sizes')}' (only scalar 2D/3D volumes are supported)`, { subject: name });
  }
  const typeName = need('type').toLowerCase();
  const type = TYPES.find(([names]) => names.includes(typeName));
  if (!type) throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NRRD type '${typeName}' is not supported`, { subject: name });
  const [, bytesPer, read] = type;
  const le = (fields.get('endian') ?? 'little') !== 'big';
  const encoding = need('encoding').toLowerCase();

  const dims: Vec3 = [sizes[0]!, sizes[1] ?? 1, sizes[2] ?? 1];
  // before any allocation or decompression: the declared size must be within the cap
  const n = checkDeclaredSize(dims, MAX_VOLUME_VOXELS, name, 'volume');
  let payload: Uint8Array;
  const dataFile = fields.get('data file') ?? fields.get('datafile');
  if (dataFile !== undefined) {
    if (/^LIST/.test(dataFile) || /%/.test(dataFile)) throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NRRD data file lists/patterns ('${dataFile}') are not supported; use one data file`, { subject: name });
    if (!opts.resolveDataFile) throw new SonomicsError('BAD_INPUT', `${name}: the header points to a detached data file '${dataFile}'; pass resolveDataFile (the Node reader does this)`, { subject: name });
    payload = opts.resolveDataFile(dataFile);
  } else payload = bytes.subarray(dataStart);

  const lineSkip = Number(fields.get('line skip') ?? 0);
  if (!Number.isInteger(lineSkip) || lineSkip < 0) throw corrupt(`'line skip: ${fields.get('line skip')}' is not a whole number ≥ 0`);
  for (let k = 0; k < lineSkip; k++) {
    // each skipped line needs a newline in the data: a huge count ends at the data's end, named
    const e = payload.indexOf(10);
    if (e < 0) throw corrupt(`'line skip: ${lineSkip}' skips past the end of the data (only ${k} lines)`);
    payload = payload.subarray(e + 1);
  }
  const byteSkip = Number(fields.get('byte skip') ?? 0);
  if (encoding === 'gzip' || encoding === 'gz') {
    // inflate at most what the header declares ("byte skip: -1" means the data are the last bytes: cap only)
    const need = byteSkip >= 0 ? byteSkip + n * bytesPer : MAX_INFLATED_BYTES;
    payload = inflateCapped(payload, 'gzip', Math.min(need, MAX_INFLATED_BYTES), name, 'truncate');
  } else if (encoding !== 'raw' && encoding !== 'ascii' && encoding !== 'text' && encoding !== 'txt') {
    throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NRRD encoding '${encoding}' is not supported (use raw, gzip or ascii)`, { subject: name });
  }
  const data = new Float32Array(n);
  if (encoding === 'ascii' || encoding === 'text' || encoding === 'txt') {
    const values = new TextDecoder('latin1').decode(payload).trim().split(/[\s,]+/).map(Number);
    if (values.length < n) throw corrupt(`ascii data has ${values.length} values, needs ${n}`);
    for (let i = 0; i < n; i++) data[i] = values[i]!;
  } else {
    let skip = byteSkip;
    if (!Number.isInteger(skip) || skip < -1) throw corrupt(`'byte skip: ${fields.get('byte skip')}' is not a whole number ≥ -1`);
    if (skip === -1) skip = payload.length - n * bytesPer; // "-1": the data are the last bytes
    if (skip < 0 || skip + n * bytesPer > payload.length) throw corrupt(`voxel data truncated (needs ${n * bytesPer} bytes after skipping ${skip}, has ${payload.length})`);
    const raw = payload.slice(skip, skip + n * bytesPer); // aligned copy for a typed-array view
    const typed = le === LITTLE_ENDIAN_HOST ? typedView(typeName, raw.buffer) : null;
    if (typed) for (let i = 0; i < n; i++) data[i] = Number(typed[i]!);
    else {
      const dv = new DataView(raw.buffer);
      for (let i = 0; i < n; i++) data[i] = read(dv, i * bytesPer, le);
    }
  }

  let spacing: Vec3 = [1, 1, 1];
  let direction: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  let origin: Vec3 = [0, 0, 0];
  let source = 'default';
  const dirField = fields.get('space directions');
  if (dirField) {
    const vecs = (dirField.match(/\([^)]*\)|none/g) ?? []).map(parseVector);
    const spatial = vecs.filter((v): v is number[] => v !== null);
    if (spatial.length !== dimension) throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: NRRD with non-spatial axes ('${dirField}') is not supported`, { subject: name });
    const cols = spatial.map((v) => [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0]);
    while (cols.length < 3) cols.push(cols.length === 2 ? [0, 0, 1] : [0, 1, 0]);
    spacing = cols.map((c) => Math.hypot(c[0]!, c[1]!, c[2]!) || 1) as Vec3;
    direction = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => cols[c]![r]! / spacing[c]!)) as Mat3;
    source = 'NRRD space directions';
  } else if (fields.has('spacings')) {
    const s = fields.get('spacings')!.split(/\s+/).map(Number);
    spacing = [0, 1, 2].map((k) => (Number.isFinite(s[k]) && s[k]! > 0 ? s[k]! : 1)) as Vec3;
    source = 'NRRD spacings';
  }
  const originField = fields.get('space origin');
  if (originField) {
    const o = parseVector(originField) ?? [0, 0, 0];
    origin = [o[0] ?? 0, o[1] ?? 0, o[2] ?? 0];
  }
  const space = (fields.get('space') ?? '').toLowerCase();
  if (space === 'right-anterior-superior' || space === 'ras') {
    origin = [-origin[0], -origin[1], origin[2]];
    direction = direction.map((v, i) => (i < 6 ? -v : v)) as Mat3;
  } else if (space === 'left-anterior-superior' || space === 'las') {
    origin = [origin[0], -origin[1], origin[2]];
    direction = direction.map((v, i) => (i >= 3 && i < 6 ? -v : v)) as Mat3;
  }
  direction = direction.map((v) => v + 0) as Mat3;
  const img = createImage(dims, spacing, data, { origin, direction, spacingUnit: source === 'default' ? 'pixel' : 'mm' });
  img.spacingSource = source;
  img.meta = { format: 'nrrd', dimensions: dimension, type: typeName, encoding, dataFile, space: fields.get('space') };
  if (source === 'default') img.warnings = [`${name}: NRRD has no 'space directions' or 'spacings'; spacing is 1 pixel`];
  return img;
}

/** NRRD in the image-format registry (src/io/formats.ts). */
export const NRRD_FORMAT = defineImageFormat({
  format: 'nrrd', title: 'NRRD', kind: 'volume', sniff: isNrrd,
  read: (bytes, opts) => readNrrd(bytes, { name: opts.name, resolveDataFile: opts.resolveDataFile }),
});
