/**
 * Node wrappers of the browser-safe readers: a path in, an Image / Mask out. Missing files
 * give FILE_NOT_FOUND and damaged ones CORRUPT_FILE, both naming the path. A detached NRRD
 * header's data file is resolved relative to the header's folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { SonomicsError } from '../core/errors.ts';
import type { Image, Mask } from '../image/image.ts';
import { readImage, readImageAsync, readMask, type MaskReadOptions, type ReadOptions } from '../io/read.ts';

/** The bytes of a file, with FILE_NOT_FOUND naming the path when it is missing or a folder. */
export function readBytes(path: string): Uint8Array {
  let isFile = false;
  try { isFile = statSync(path).isFile(); } catch { /* reported below */ }
  if (!isFile) throw new SonomicsError('FILE_NOT_FOUND', `${path}: no such file${isAbsolute(path) ? '' : ` (looked in ${process.cwd()})`}; check the path`, { subject: path });
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function rethrowWithPath(path: string, err: unknown): never {
  if (err instanceof SonomicsError) {
    if (err.message.includes(path)) throw err;
    throw new SonomicsError(err.code, `${path}: ${err.message}`, { subject: path, cause: err });
  }
  // A decoder failing in an unforeseen way still means the bytes were not what they claimed.
  throw new SonomicsError('CORRUPT_FILE', `${path}: could not be decoded (${(err as Error).message})`, { subject: path, cause: err });
}

function withPath<T>(path: string, fn: () => T): T {
  try { return fn(); } catch (err) { return rethrowWithPath(path, err); }
}

function fileOptions<T extends ReadOptions>(path: string, opts: T): T {
  const dir = dirname(resolve(path));
  return {
    ...opts,
    name: opts.name ?? path,
    resolveDataFile: opts.resolveDataFile ?? ((file: string) => {
      const p = resolve(dir, file);
      // A header may only point at data inside its own folder: '../../etc/passwd' or an absolute
      // path would read an unrelated file's bytes as voxels (issue #20).
      const rel = relative(dir, p);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        throw new SonomicsError('BAD_INPUT', `${path}: its detached data file '${file}' lies outside the header's folder ${dir}; move the data file beside the header and name it relatively`, { subject: path });
      }
      try { return readBytes(p); } catch (err) {
        throw new SonomicsError('FILE_NOT_FOUND', `${path}: its detached data file ${basename(p)} was not found at ${p}`, { subject: path, cause: err });
      }
    }),
  };
}

export function readImageFile(path: string, opts: ReadOptions = {}): Image {
  const bytes = readBytes(path);
  return withPath(path, () => readImage(bytes, fileOptions(path, opts)));
}

export function readMaskFile(path: string, opts: MaskReadOptions = {}): Mask {
  const bytes = readBytes(path);
  return withPath(path, () => readMask(bytes, fileOptions(path, opts)));
}

/** readImageFile that also decodes DICOM JPEG-LS / JPEG 2000 (loads the WebAssembly codecs first). */
export async function readImageFileAsync(path: string, opts: ReadOptions = {}): Promise<Image> {
  const bytes = readBytes(path);
  try { return await readImageAsync(bytes, fileOptions(path, opts)); } catch (err) { return rethrowWithPath(path, err); }
}
