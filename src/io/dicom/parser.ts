/**
 * DICOM Part 10 parser (PS3.10 §7: 128-byte preamble, "DICM", explicit-LE file meta group,
 * then the data set in the transfer syntax the meta group names; PS3.5 §7 for element
 * encoding, §7.5 for sequences, A.4 for encapsulated pixel data, A.5 for deflate).
 * Files without a preamble (a bare data set in implicit VR little endian) are accepted too.
 */
import { inflateSync } from 'fflate';
import { SonomicsError } from '../../core/errors.ts';
import { DicomDataset, type DicomElement } from './dataset.ts';
import { LONG_VRS, T, implicitVr, tagName } from './tags.ts';
import { EXPLICIT_LITTLE_ENDIAN, IMPLICIT_LITTLE_ENDIAN, transferSyntax, type TransferSyntax } from './transfer-syntax.ts';

export interface DicomFile {
  /** File meta information (group 0002), empty for files without one. */
  meta: DicomDataset;
  dataset: DicomDataset;
  syntax: TransferSyntax;
  /** Name used in error messages. */
  name: string;
  /** Non-fatal oddities met while parsing (e.g. a data set not in its declared VR encoding). */
  notes: string[];
  /** The file ends inside an element header, or has a meta group but no data set. */
  truncated: boolean;
}

const UNDEFINED = 0xffffffff;

function hasPreamble(b: Uint8Array): boolean {
  return b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d;
}

/** A bare data set: starts with a group 0002/0008 element with a plausible header. */
function looksLikeBareDataset(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  const group = b[0]! | (b[1]! << 8);
  if (group !== 0x0002 && group !== 0x0008) return false;
  const vr = String.fromCharCode(b[4]!, b[5]!);
  if (/^[A-Z]{2}$/.test(vr)) return true;
  const len = (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 2 ** 24;
  return len < b.length;
}

export function isDicom(bytes: Uint8Array): boolean {
  return hasPreamble(bytes) || looksLikeBareDataset(bytes);
}

class Reader {
  pos: number;
  /** Bytes left at the end that cannot hold an element header (a truncated file, or padding). */
  leftover = 0;
  constructor(readonly b: Uint8Array, readonly dv: DataView, readonly le: boolean, readonly explicit: boolean, readonly name: string, start: number) {
    this.pos = start;
  }

  fail(what: string): never {
    throw new SonomicsError('CORRUPT_FILE', `${this.name}: ${what} at byte ${this.pos}; the file is truncated or not valid DICOM (re-export it from the scanner or PACS)`);
  }

  need(n: number): void {
    if (this.pos + n > this.b.length) this.fail(`unexpected end of data (needs ${n} more bytes)`);
  }

  u16(): number { this.need(2); const v = this.dv.getUint16(this.pos, this.le); this.pos += 2; return v; }
  u32(): number { this.need(4); const v = this.dv.getUint32(this.pos, this.le); this.pos += 4; return v; }
  tag(): number { const g = this.u16(); const e = this.u16(); return ((g << 16) | e) >>> 0; }
}

/** Parse elements until `end` (exclusive), or an Item Delimitation tag for undefined-length items. */
function parseDataset(r: Reader, end: number, untilDelimiter: boolean, depth = 0): DicomDataset {
  if (depth > 32) r.fail('sequences nested deeper than 32 levels');
  const ds = new DicomDataset(r.le, r.explicit);
  while (r.pos < end) {
    if (end - r.pos < 8 && !untilDelimiter) { r.leftover = end - r.pos; break; } // trailing bytes: padding or a cut
    const el = readElement(r, depth);
    if (el === 'delimiter') {
      if (untilDelimiter) return ds;
      continue;
    }
    ds.elements.set(el.tag, el);
  }
  if (untilDelimiter) r.fail('item without its delimiter');
  return ds;
}

function readElement(r: Reader, depth: number): DicomElement | 'delimiter' {
  const start = r.pos;
  const t = r.tag();
  if (t === T.ItemDelimitation || t === T.SequenceDelimitation) {
    r.u32();
    return 'delimiter';
  }
  let vr: string;
  let length: number;
  if (r.explicit && (t >>> 16) !== 0xfffe) {
    r.need(2);
    vr = String.fromCharCode(r.b[r.pos]!, r.b[r.pos + 1]!);
    r.pos += 2;
    if (!/^[A-Z]{2}$/.test(vr)) { r.pos = start; r.fail(`invalid VR "${vr}" for ${tagName(t)}`); }
    if (LONG_VRS.has(vr)) { r.pos += 2; length = r.u32(); } else length = r.u16();
  } else {
    vr = implicitVr(t);
    length = r.u32();
  }
  const el: DicomElement = { tag: t, vr, value: new Uint8Array(0) };
  if (t === T.PixelData && length === UNDEFINED) {
    parseEncapsulated(r, el);
  } else if (vr === 'SQ' || length === UNDEFINED || (vr === 'UN' && looksLikeSequence(r, length))) {
    el.vr = 'SQ';
    if (vr === 'UN' && r.explicit) {
      // UN of undefined length holds an implicit-VR little-endian sequence (PS3.5 §6.2.2 note).
      const sub = new Reader(r.b, r.dv, true, false, r.name, r.pos);
      el.items = parseSequence(sub, length, depth);
      r.pos = sub.pos;
    } else el.items = parseSequence(r, length, depth);
  } else {
    r.need(length);
    el.value = r.b.subarray(r.pos, r.pos + length);
    r.pos += length;
  }
  return el;
}

/** Implicit-VR (or UN) values of defined length that start with an Item tag are sequences. */
function looksLikeSequence(r: Reader, length: number): boolean {
  if (length < 8 || r.pos + 4 > r.b.length) return false;
  const g = r.dv.getUint16(r.pos, r.le), e = r.dv.getUint16(r.pos + 2, r.le);
  return g === 0xfffe && e === 0xe000;
}

function parseSequence(r: Reader, length: number, depth: number): DicomDataset[] {
  const items: DicomDataset[] = [];
  const end = length === UNDEFINED ? r.b.length : r.pos + length;
  if (end > r.b.length) r.fail('sequence runs past the end of the file');
  while (r.pos < end) {
    const t = r.tag();
    const itemLength = r.u32();
    if (t === T.SequenceDelimitation) break;
    if (t !== T.Item) r.fail(`expected a sequence item, found ${tagName(t)}`);
    if (itemLength === UNDEFINED) items.push(parseDataset(r, r.b.length, true, depth + 1));
    else {
      const itemEnd = r.pos + itemLength;
      if (itemEnd > r.b.length) r.fail('sequence item runs past the end of the file');
      items.push(parseDataset(r, itemEnd, false, depth + 1));
      r.pos = itemEnd;
    }
  }
  return items;
}

/** Encapsulated pixel data (PS3.5 A.4): Basic Offset Table item, then fragment items. */
function parseEncapsulated(r: Reader, el: DicomElement): void {
  const start = r.pos;
  const fragments: Uint8Array[] = [];
  let offsetTable: Uint32Array | undefined;
  for (;;) {
    const t = r.tag();
    const len = r.u32();
    if (t === T.SequenceDelimitation) break;
    if (t !== T.Item || len === UNDEFINED) r.fail(`bad item ${tagName(t)} in encapsulated pixel data`);
    r.need(len);
    const body = r.b.subarray(r.pos, r.pos + len);
    r.pos += len;
    if (!offsetTable) {
      offsetTable = new Uint32Array(len >> 2);
      const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
      for (let i = 0; i < offsetTable.length; i++) offsetTable[i] = dv.getUint32(4 * i, true);
    } else fragments.push(body);
  }
  el.value = r.b.subarray(start, r.pos);
  el.fragments = fragments;
  el.offsetTable = offsetTable ?? new Uint32Array(0);
}

/** Parse a DICOM file (Part 10, or a bare implicit-LE data set). */
export function parseDicom(input: Uint8Array, name = 'DICOM file'): DicomFile {
  // A plain Uint8Array view: Node Buffers have slice() that does not copy, which codecs trip over.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const dvAll = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos: number;
  if (hasPreamble(bytes)) pos = 132;
  else if (looksLikeBareDataset(bytes)) pos = 0;
  else throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: not a DICOM file (no "DICM" marker at byte 128 and no recognisable data set)`);

  // File meta group: always explicit VR little endian (PS3.10 §7.1).
  let meta = new DicomDataset(true, true);
  if (bytes.length >= pos + 2 && dvAll.getUint16(pos, true) === 0x0002) {
    const r = new Reader(bytes, dvAll, true, true, name, pos);
    let metaEnd = bytes.length;
    // Group length (0002,0000) tells where the meta group ends; otherwise stop at the first non-0002 group.
    if (bytes.length >= pos + 12 && dvAll.getUint32(pos, true) === 0x00000002) metaEnd = pos + 12 + dvAll.getUint32(pos + 8, true);
    meta = parseMetaGroup(r, metaEnd);
    pos = r.pos;
  }
  const uid = meta.string(T.TransferSyntaxUID);
  let syntax: TransferSyntax;
  if (uid === undefined) syntax = guessSyntax(bytes, pos);
  else {
    const found = transferSyntax(uid);
    if (!found) {
      throw new SonomicsError('UNSUPPORTED_FORMAT', `${name}: transfer syntax ${uid} is not supported; convert the file to explicit VR little endian (e.g. dcmtk "dcmconv +te" or gdcmconv --raw)`);
    }
    syntax = found;
  }
  let body = bytes;
  if (syntax.deflated) {
    try {
      body = inflateSync(bytes.subarray(pos));
    } catch (err) {
      throw new SonomicsError('CORRUPT_FILE', `${name}: deflated data set cannot be inflated (${(err as Error).message})`, { cause: err });
    }
    pos = 0;
  }
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const notes: string[] = [];
  let explicit = syntax.explicitVr;
  // Some writers declare one VR encoding and use the other: trust the bytes (little endian only).
  if (syntax.littleEndian && body.length >= pos + 8) {
    const looksExplicit = /^[A-Z]{2}$/.test(String.fromCharCode(body[pos + 4]!, body[pos + 5]!));
    if (looksExplicit !== explicit) {
      notes.push(`${name}: the data set is ${looksExplicit ? 'explicit' : 'implicit'} VR although the transfer syntax says ${explicit ? 'explicit' : 'implicit'}; read as found`);
      explicit = looksExplicit;
    }
  }
  const r = new Reader(body, dv, syntax.littleEndian, explicit, name, pos);
  const dataset = parseDataset(r, body.length, false);
  const truncated = r.leftover > 0 || (uid === undefined && pos > 0 && dataset.elements.size === 0);
  if (truncated) notes.push(`${name}: ${r.leftover} stray bytes at the end (truncated file?)`);
  return { meta, dataset, syntax, name, notes, truncated };
}

function parseMetaGroup(r: Reader, metaEnd: number): DicomDataset {
  const ds = new DicomDataset(true, true);
  // Read group 0002 elements one by one: some writers get the group length wrong.
  while (r.pos + 8 <= r.b.length && r.pos < metaEnd + 1024 && r.dv.getUint16(r.pos, true) === 0x0002) {
    const el = readElement(r, 0);
    if (el !== 'delimiter') ds.elements.set(el.tag, el);
  }
  return ds;
}

function guessSyntax(bytes: Uint8Array, pos: number): TransferSyntax {
  const vr = bytes.length >= pos + 6 ? String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!) : '';
  return /^[A-Z]{2}$/.test(vr) ? EXPLICIT_LITTLE_ENDIAN : IMPLICIT_LITTLE_ENDIAN;
}
