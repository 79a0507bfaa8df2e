/**
 * A minimal DICOM writer for tests: builds Part 10 files (or bare data sets) from a list of
 * elements, in implicit/explicit little endian, explicit big endian or deflated syntax.
 * Only what the tests need; not a general writer.
 */
import { deflateSync } from 'fflate';
import { LONG_VRS } from '../../src/io/dicom/tags.ts';

export type Value = string | number[] | Uint8Array | Element[][];
export interface Element { tag: number; vr: string; value: Value }

export const el = (group: number, element: number, vr: string, value: Value): Element => ({ tag: ((group << 16) | element) >>> 0, vr, value });

interface Syntax { uid: string; explicit: boolean; le: boolean; deflate?: boolean }
export const SYNTAX = {
  implicit: { uid: '1.2.840.10008.1.2', explicit: false, le: true },
  explicit: { uid: '1.2.840.10008.1.2.1', explicit: true, le: true },
  bigEndian: { uid: '1.2.840.10008.1.2.2', explicit: true, le: false },
  deflated: { uid: '1.2.840.10008.1.2.1.99', explicit: true, le: true, deflate: true },
} satisfies Record<string, Syntax>;

function valueBytes(e: Element, le: boolean, s: Syntax): Uint8Array {
  const v = e.value;
  if (v instanceof Uint8Array) return v.length % 2 ? concat([v, new Uint8Array(1)]) : v;
  if (typeof v === 'string') {
    const b = new TextEncoder().encode(v.length % 2 ? v + (e.vr === 'UI' ? '\0' : ' ') : v);
    return b;
  }
  if (Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]))) {
    const items = (v as Element[][]).map((item) => {
      const body = encodeElements(item, s, le);
      return concat([u16pair(0xfffe, 0xe000, le), u32(body.length, le), body]);
    });
    return concat(items);
  }
  const nums = v as number[];
  const size = { US: 2, SS: 2, OW: 2, UL: 4, SL: 4, FL: 4, FD: 8 }[e.vr];
  if (!size) throw new Error(`writer: no numeric encoding for ${e.vr}`);
  const out = new Uint8Array(nums.length * size);
  const dv = new DataView(out.buffer);
  nums.forEach((n, i) => {
    const o = i * size;
    if (e.vr === 'US' || e.vr === 'OW') dv.setUint16(o, n, le);
    else if (e.vr === 'SS') dv.setInt16(o, n, le);
    else if (e.vr === 'UL') dv.setUint32(o, n, le);
    else if (e.vr === 'SL') dv.setInt32(o, n, le);
    else if (e.vr === 'FL') dv.setFloat32(o, n, le);
    else dv.setFloat64(o, n, le);
  });
  return out;
}

const u16pair = (g: number, e: number, le: boolean) => { const b = new Uint8Array(4); const dv = new DataView(b.buffer); dv.setUint16(0, g, le); dv.setUint16(2, e, le); return b; };
const u32 = (n: number, le: boolean) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, le); return b; };
const u16 = (n: number, le: boolean) => { const b = new Uint8Array(2); new DataView(b.buffer).setUint16(0, n, le); return b; };

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function encodeElements(elements: Element[], s: Syntax, le: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of [...elements].sort((a, b) => a.tag - b.tag)) {
    const body = valueBytes(e, le, s);
    parts.push(u16pair(e.tag >>> 16, e.tag & 0xffff, le));
    if (s.explicit) {
      parts.push(new TextEncoder().encode(e.vr));
      if (LONG_VRS.has(e.vr)) parts.push(new Uint8Array(2), u32(body.length, le));
      else parts.push(u16(body.length, le));
    } else parts.push(u32(body.length, le));
    parts.push(body);
  }
  return concat(parts);
}

/** Encapsulated pixel data element value: empty offset table item, fragments, delimiter. */
export function encapsulated(fragments: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [u16pair(0xfffe, 0xe000, true), u32(0, true)];
  for (const f of fragments) parts.push(u16pair(0xfffe, 0xe000, true), u32(f.length, true), f);
  parts.push(u16pair(0xfffe, 0xe0dd, true), u32(0, true));
  return concat(parts);
}

export function writeDicom(elements: Element[], syntax: Syntax = SYNTAX.explicit, opts: { preamble?: boolean; encapsulatedPixels?: Uint8Array[]; appendRaw?: Uint8Array } = {}): Uint8Array {
  let body = encodeElements(elements, syntax, syntax.le);
  if (opts.appendRaw) body = concat([body, opts.appendRaw]);
  if (opts.encapsulatedPixels) {
    const pix = concat([u16pair(0x7fe0, 0x0010, true), new TextEncoder().encode('OB'), new Uint8Array(2), u32(0xffffffff, true), encapsulated(opts.encapsulatedPixels)]);
    body = concat([body, pix]);
  }
  if (syntax.deflate) body = deflateSync(body);
  if (opts.preamble === false) return body;
  const meta = encodeElements([el(0x0002, 0x0010, 'UI', syntax.uid)], SYNTAX.explicit, true);
  const group = encodeElements([el(0x0002, 0x0000, 'UL', [meta.length])], SYNTAX.explicit, true);
  return concat([new Uint8Array(128), new TextEncoder().encode('DICM'), group, meta, body]);
}

/** Image pixel module elements for a simple image. */
export function imageElements(o: { rows: number; cols: number; spp?: number; bits?: number; stored?: number; signed?: boolean; photometric?: string; planar?: number; frames?: number }): Element[] {
  const bits = o.bits ?? 8;
  const list = [
    el(0x0028, 0x0002, 'US', [o.spp ?? 1]),
    el(0x0028, 0x0004, 'CS', o.photometric ?? 'MONOCHROME2'),
    el(0x0028, 0x0010, 'US', [o.rows]),
    el(0x0028, 0x0011, 'US', [o.cols]),
    el(0x0028, 0x0100, 'US', [bits]),
    el(0x0028, 0x0101, 'US', [o.stored ?? bits]),
    el(0x0028, 0x0102, 'US', [(o.stored ?? bits) - 1]),
    el(0x0028, 0x0103, 'US', [o.signed ? 1 : 0]),
  ];
  if ((o.spp ?? 1) > 1) list.push(el(0x0028, 0x0006, 'US', [o.planar ?? 0]));
  if (o.frames) list.push(el(0x0028, 0x0008, 'IS', String(o.frames)));
  return list;
}
