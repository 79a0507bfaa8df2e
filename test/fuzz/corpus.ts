/**
 * The seed inputs of the mutation fuzzer, per reader: real fixtures where the repository has them
 * (PNG, JPEG, BMP, TIFF, DICOM in several transfer syntaxes) and small well-formed files built here
 * for the rest (NIfTI, NIfTI-gz, NRRD raw and gzip, XLSX, CSV, YAML study config).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { crc32 } from '../../src/io/crc32.ts';

const IO = join(import.meta.dirname, '..', 'io', 'fixtures');
const DICOM = join(import.meta.dirname, '..', 'dicom', 'fixtures');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const files = (dir: string, re: RegExp) => readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => new Uint8Array(readFileSync(join(dir, f))));

function nifti(gz: boolean): Uint8Array {
  const [nx, ny, nz] = [12, 10, 3];
  const b = new Uint8Array(352 + nx * ny * nz * 2);
  const dv = new DataView(b.buffer);
  dv.setInt32(0, 348, true);
  dv.setInt16(40, 3, true); dv.setInt16(42, nx, true); dv.setInt16(44, ny, true); dv.setInt16(46, nz, true);
  dv.setInt16(70, 4, true); dv.setInt16(72, 16, true); // int16
  dv.setFloat32(80, 0.8, true); dv.setFloat32(84, 0.8, true); dv.setFloat32(88, 2, true);
  dv.setFloat32(108, 352, true); dv.setFloat32(112, 1, true);
  b.set([0x6e, 0x2b, 0x31, 0], 344);
  for (let i = 0; i < nx * ny * nz; i++) dv.setInt16(352 + 2 * i, (i * 37) % 500 - 100, true);
  return gz ? gzipSync(b) : b;
}

function nrrd(gz: boolean): Uint8Array {
  const voxels = Uint8Array.from({ length: 16 * 14 * 2 }, (_, i) => (i * 53) % 251);
  const payload = gz ? gzipSync(voxels) : voxels;
  const head = strToU8(`NRRD0004\ntype: uchar\ndimension: 3\nsizes: 16 14 2\nspace directions: (0.7,0,0) (0,0.7,0) (0,0,1.5)\nencoding: ${gz ? 'gzip' : 'raw'}\n\n`);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head); out.set(payload, head.length);
  return out;
}

function xlsx(): Uint8Array {
  const rows = [['id', 'age', 'ca199'], ['P1', '61', '35.5'], ['P2', '70', '250']];
  const cells = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`).join('');
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${cells}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8('<sst><si><t>x</t></si></sst>'),
  });
}

export type ReaderKind = 'image' | 'xlsx' | 'csv' | 'yaml';

/**
 * PNG chunks carry CRCs, so nearly every raw mutation stops at the first CRC check; recomputing
 * them after mutating lets the fuzzer reach the decoder behind it.
 */
function fixPngCrcs(b: Uint8Array): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 8; at + 12 <= b.length;) {
    const len = dv.getUint32(at);
    if (at + 12 + len > b.length) break;
    dv.setUint32(at + 8 + len, crc32(b.subarray(at + 4, at + 8 + len)));
    at += 12 + len;
  }
  return b;
}

export const READERS: Record<string, { kind: ReaderKind; seeds: () => Uint8Array[]; fixup?: (b: Uint8Array) => Uint8Array }> = {
  png: { kind: 'image', seeds: () => files(IO, /\.png$/), fixup: fixPngCrcs },
  jpeg: { kind: 'image', seeds: () => files(IO, /\.jpg$/) },
  bmp: { kind: 'image', seeds: () => files(IO, /\.bmp$/) },
  tiff: { kind: 'image', seeds: () => files(IO, /\.tif$/) },
  dicom: { kind: 'image', seeds: () => files(DICOM, /\.dcm$/) },
  nifti: { kind: 'image', seeds: () => [nifti(false)] },
  'nifti-gz': { kind: 'image', seeds: () => [nifti(true)] },
  nrrd: { kind: 'image', seeds: () => [nrrd(false), nrrd(true)] },
  xlsx: { kind: 'xlsx', seeds: () => [xlsx()] },
  csv: { kind: 'csv', seeds: () => [strToU8('case_id,cohort,age,"note, quoted"\nP1,main,61,"a ""b"""\nP2,external,70,\n')] },
  yaml: { kind: 'yaml', seeds: () => [new Uint8Array(readFileSync(join(EXAMPLES, 'study-synth.yaml')))] },
};
