/**
 * Node wrappers of the DICOM reader: a folder of slices → one volume, a file → an image,
 * an RTSTRUCT file → a mask. They load the WebAssembly codecs (JPEG-LS, JPEG 2000) first,
 * and name the path in every error.
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import { isDicom, loadDicomCodecs, readDicom, readDicomSeries, rtstructToMask, segToMask, type ReadDicomOptions, type ReadSeriesOptions } from '../io/dicom/index.ts';

function bytesOf(path: string): Uint8Array {
  try {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (err) {
    throw new SonomicsError('FILE_NOT_FOUND', `${path}: cannot be read (${(err as Error).message})`, { subject: path, cause: err });
  }
}

/** The DICOM files directly inside a folder (by content, not extension), sorted by name. */
export function listDicomFiles(dir: string): string[] {
  let names: string[];
  try { names = readdirSync(dir); } catch (err) {
    throw new SonomicsError('FILE_NOT_FOUND', `${dir}: not a readable folder (${(err as Error).message})`, { subject: dir, cause: err });
  }
  return names.sort().map((n) => join(dir, n)).filter((p) => {
    if (!statSync(p).isFile()) return false;
    const head = new Uint8Array(256);
    const fd = openSync(p, 'r');
    try { return isDicom(head.subarray(0, readSync(fd, head, 0, 256, 0))); } finally { closeSync(fd); }
  });
}

/** Read every DICOM slice in a folder into one volume ordered by slice position. */
export async function readDicomFolder(dir: string, opts: ReadSeriesOptions = {}): Promise<Image> {
  await loadDicomCodecs();
  const paths = listDicomFiles(dir);
  if (paths.length === 0) throw new SonomicsError('BAD_INPUT', `${dir}: no DICOM files in this folder`, { subject: dir });
  return readDicomSeries(paths.map(bytesOf), { ...opts, names: paths });
}

/** Read one DICOM image file (one frame). */
export async function readDicomFile(path: string, opts: ReadDicomOptions = {}): Promise<Image> {
  await loadDicomCodecs();
  return readDicom(bytesOf(path), { ...opts, name: opts.name ?? path });
}

/** Rasterise one ROI of an RTSTRUCT file on the grid of a reference image. */
export function readRtstructFile(path: string, reference: Image, roiName?: string): Mask {
  return rtstructToMask(bytesOf(path), reference, roiName, path);
}

/** One segment of a DICOM SEG file as a mask on the grid of a reference image. */
export async function readSegFile(path: string, reference: Image, segment?: number | string): Promise<Mask> {
  await loadDicomCodecs();
  return segToMask(bytesOf(path), reference, segment, path);
}
