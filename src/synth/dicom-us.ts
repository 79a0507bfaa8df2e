/**
 * A minimal DICOM Part 10 writer for one synthetic 8-bit grey ultrasound frame (Ultrasound Image
 * Storage, Explicit VR Little Endian) carrying its calibration the way scanners do: a Sequence of
 * Ultrasound Regions (0018,6011) with one spatial region in cm (PS3.3 C.8.5.5). UIDs are derived
 * from the case id so the same case always gives the same bytes.
 */
const US_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.6.1';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

export interface UsDicomInput {
  caseId: string;
  width: number;
  height: number;
  pixels: Uint8Array;
  spacingMm: number;
  /** The calibrated region (pixel bounds, inclusive). */
  region: { x0: number; y0: number; x1: number; y1: number };
  manufacturer: string;
  institution: string;
}

export function writeUsDicom(d: UsDicomInput): Uint8Array {
  const uid = (k: number) => `2.25.${stableNumber(d.caseId + ':' + k)}`;
  const sopUid = uid(3);
  const meta = new Writer();
  meta.str(0x0002, 0x0002, 'UI', US_IMAGE_STORAGE);
  meta.str(0x0002, 0x0003, 'UI', sopUid);
  meta.str(0x0002, 0x0010, 'UI', EXPLICIT_LE);
  meta.str(0x0002, 0x0012, 'UI', '2.25.1234567890123456789');
  const metaBody = meta.bytes();
  const head = new Writer();
  head.u32el(0x0002, 0x0000, metaBody.length);
  head.raw(metaBody);

  const ds = new Writer();
  ds.str(0x0008, 0x0016, 'UI', US_IMAGE_STORAGE);
  ds.str(0x0008, 0x0018, 'UI', sopUid);
  ds.str(0x0008, 0x0060, 'CS', 'US');
  ds.str(0x0008, 0x0070, 'LO', d.manufacturer);
  ds.str(0x0008, 0x0080, 'LO', d.institution);
  ds.str(0x0010, 0x0010, 'PN', `SYNTH^${d.caseId}`);
  ds.str(0x0010, 0x0020, 'LO', d.caseId);
  // Sequence of Ultrasound Regions, one item.
  const item = new Writer();
  item.u16(0x0018, 0x6012, 1); // RegionSpatialFormat: 2D
  item.u16(0x0018, 0x6014, 1); // RegionDataType: tissue
  item.u32(0x0018, 0x6016, 0); // RegionFlags
  item.u32(0x0018, 0x6018, d.region.x0);
  item.u32(0x0018, 0x601a, d.region.y0);
  item.u32(0x0018, 0x601c, d.region.x1);
  item.u32(0x0018, 0x601e, d.region.y1);
  item.u16(0x0018, 0x6024, 3); // PhysicalUnitsXDirection: cm
  item.u16(0x0018, 0x6026, 3); // PhysicalUnitsYDirection: cm
  item.f64(0x0018, 0x602c, d.spacingMm / 10); // PhysicalDeltaX in cm
  item.f64(0x0018, 0x602e, d.spacingMm / 10); // PhysicalDeltaY in cm
  ds.sequence(0x0018, 0x6011, [item.bytes()]);
  ds.str(0x0020, 0x000d, 'UI', uid(1));
  ds.str(0x0020, 0x000e, 'UI', uid(2));
  ds.u16(0x0028, 0x0002, 1); // SamplesPerPixel
  ds.str(0x0028, 0x0004, 'CS', 'MONOCHROME2');
  ds.u16(0x0028, 0x0010, d.height); // Rows
  ds.u16(0x0028, 0x0011, d.width); // Columns
  ds.u16(0x0028, 0x0100, 8);
  ds.u16(0x0028, 0x0101, 8);
  ds.u16(0x0028, 0x0102, 7);
  ds.u16(0x0028, 0x0103, 0);
  ds.pixelData(d.pixels);

  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // 'DICM'
  return concat([preamble, head.bytes(), ds.bytes()]);
}

/** Elements are written in the order given; callers keep tags ascending as DICOM requires. */
class Writer {
  private parts: Uint8Array[] = [];

  bytes(): Uint8Array { return concat(this.parts); }
  raw(b: Uint8Array): void { this.parts.push(b); }

  str(g: number, e: number, vr: string, value: string): void {
    let v = value;
    if (v.length % 2) v += vr === 'UI' ? '\0' : ' ';
    this.element(g, e, vr, new TextEncoder().encode(v));
  }
  u16(g: number, e: number, v: number): void { const b = new Uint8Array(2); new DataView(b.buffer).setUint16(0, v, true); this.element(g, e, 'US', b); }
  u32(g: number, e: number, v: number): void { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v, true); this.element(g, e, 'UL', b); }
  u32el(g: number, e: number, v: number): void { this.u32(g, e, v); }
  f64(g: number, e: number, v: number): void { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); this.element(g, e, 'FD', b); }

  sequence(g: number, e: number, items: Uint8Array[]): void {
    const body = concat(items.map((it) => concat([tagHeader(0xfffe, 0xe000, it.length), it])));
    this.element(g, e, 'SQ', body);
  }

  pixelData(px: Uint8Array): void {
    const data = px.length % 2 ? concat([px, new Uint8Array(1)]) : px;
    this.element(0x7fe0, 0x0010, 'OB', data);
  }

  private element(g: number, e: number, vr: string, value: Uint8Array): void {
    const long = vr === 'OB' || vr === 'OW' || vr === 'SQ' || vr === 'UN' || vr === 'UT';
    const h = new Uint8Array(long ? 12 : 8);
    const dv = new DataView(h.buffer);
    dv.setUint16(0, g, true);
    dv.setUint16(2, e, true);
    h[4] = vr.charCodeAt(0);
    h[5] = vr.charCodeAt(1);
    if (long) dv.setUint32(8, value.length, true);
    else dv.setUint16(6, value.length, true);
    this.parts.push(h, value);
  }
}

function tagHeader(g: number, e: number, len: number): Uint8Array {
  const h = new Uint8Array(8);
  const dv = new DataView(h.buffer);
  dv.setUint16(0, g, true);
  dv.setUint16(2, e, true);
  dv.setUint32(4, len, true);
  return h;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** A decimal number from a string (FNV-1a, 2 rounds) for deterministic 2.25 UIDs. */
function stableNumber(s: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return (BigInt(h1) * 4294967296n + BigInt(h2)).toString();
}
