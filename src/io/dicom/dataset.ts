/**
 * A parsed DICOM data set: elements point into the file's bytes (no copies); sequences hold
 * nested data sets; encapsulated pixel data holds its fragments. Accessors decode values by
 * VR (PS3.5 §6.2) with the data set's byte order.
 */
import { implicitVr } from './tags.ts';

export interface DicomElement {
  tag: number;
  vr: string;
  /** Value bytes (for sequences and encapsulated pixel data: the whole encoded value). */
  value: Uint8Array;
  items?: DicomDataset[];
  /** Encapsulated pixel data: fragments after the Basic Offset Table item. */
  fragments?: Uint8Array[];
  /** Encapsulated pixel data: the Basic Offset Table (empty when absent). */
  offsetTable?: Uint32Array;
}

const textDecoder = new TextDecoder('latin1');

export class DicomDataset {
  readonly elements = new Map<number, DicomElement>();

  constructor(readonly littleEndian: boolean, readonly explicitVr: boolean) {}

  has(t: number): boolean {
    const e = this.elements.get(t);
    return !!e && (e.value.length > 0 || !!e.items?.length || !!e.fragments?.length);
  }

  element(t: number): DicomElement | undefined {
    return this.elements.get(t);
  }

  bytes(t: number): Uint8Array | undefined {
    return this.elements.get(t)?.value;
  }

  /** A string value, trimmed of padding (spaces and NULs). */
  string(t: number): string | undefined {
    const e = this.elements.get(t);
    if (!e || e.value.length === 0) return undefined;
    return textDecoder.decode(e.value).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  }

  strings(t: number): string[] {
    const s = this.string(t);
    return s === undefined ? [] : s.split('\\').map((v) => v.trim());
  }

  sequence(t: number): DicomDataset[] {
    return this.elements.get(t)?.items ?? [];
  }

  /** All numeric values of an element, decoded by its VR (text VRs DS/IS parsed as numbers). */
  numbers(t: number): number[] {
    const e = this.elements.get(t);
    if (!e || e.value.length === 0) return [];
    const vr = e.vr === 'UN' ? implicitVr(t) : e.vr; // UN: VR unknown to the writer; use the dictionary
    const v = e.value;
    const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
    const le = this.littleEndian;
    const read = (size: number, get: (o: number) => number): number[] => {
      const out: number[] = [];
      for (let o = 0; o + size <= v.length; o += size) out.push(get(o));
      return out;
    };
    switch (vr) {
      case 'US': case 'OW': return read(2, (o) => dv.getUint16(o, le));
      case 'SS': return read(2, (o) => dv.getInt16(o, le));
      case 'UL': case 'OL': return read(4, (o) => dv.getUint32(o, le));
      case 'SL': return read(4, (o) => dv.getInt32(o, le));
      case 'FL': case 'OF': return read(4, (o) => dv.getFloat32(o, le));
      case 'FD': case 'OD': return read(8, (o) => dv.getFloat64(o, le));
      case 'AT': return read(4, (o) => ((dv.getUint16(o, le) << 16) | dv.getUint16(o + 2, le)) >>> 0);
      case 'OB': return Array.from(v);
      default:
        return this.strings(t).filter((s) => s !== '').map(Number);
    }
  }

  number(t: number, index = 0): number | undefined {
    const v = this.numbers(t)[index];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }

  /** 16-bit words of an OW/US element (LUT data, descriptors), honouring byte order. */
  words(t: number): Uint16Array {
    const v = this.elements.get(t)?.value ?? new Uint8Array(0);
    const out = new Uint16Array(v.length >> 1);
    const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = dv.getUint16(2 * i, this.littleEndian);
    return out;
  }
}
