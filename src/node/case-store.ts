/**
 * The append-only result store of an extraction run (JSON Lines). The first line records the
 * settings hash; each finished case appends one line at once, so a killed run loses at most the
 * cases in flight. A restart reads the store and skips what is there. A half-written last line
 * (killed mid-write) is ignored and that case is simply done again.
 *
 * Memory stays flat in the number of cases: only an index (case id → byte range of its line) is
 * kept; a record is read back from the file when the table is written.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { SonomicsError } from '../core/errors.ts';

export interface CaseRecord {
  case_id: string;
  ok: boolean;
  /** Feature name → value (ok cases). Key order is the extraction order. */
  features?: Record<string, number>;
  error?: { code: string; message: string };
  warnings?: string[];
  ms: number;
}

interface StoreHeader {
  sonomics_store: 1;
  settings_hash: string;
}

/** Where a finished case's line lies in the store file. */
interface Entry {
  offset: number;
  length: number;
  ms: number;
}

/** Finished cases by id, read on demand (a store, or several shard stores merged). */
export interface RecordSource {
  has(caseId: string): boolean;
  get(caseId: string): CaseRecord | undefined;
}

export class CaseStore implements RecordSource {
  private constructor(
    readonly path: string,
    readonly settingsHash: string,
    private readonly fd: number,
    private readonly index: Map<string, Entry>,
    private size: number,
  ) {}

  /**
   * Opens (or creates) the store. A store made with other settings is refused unless `force`,
   * which starts it afresh. The file is rewritten clean: successes only, no torn last line.
   */
  static open(path: string, settingsHash: string, force = false): CaseStore {
    const kept: Array<{ line: Buffer; record: CaseRecord }> = [];
    if (existsSync(path) && !force) {
      const { header, lines } = scan(readFileSync(path));
      if (header?.sonomics_store === 1) {
        if (header.settings_hash !== settingsHash) {
          throw new SonomicsError('BAD_SETTINGS',
            `${path} was made with other extraction settings (hash ${header.settings_hash.slice(0, 12)}…, now ${settingsHash.slice(0, 12)}…); ` +
            'use another --out folder, or --force to discard the finished cases and start again.', { subject: path });
        }
        // Failed cases are tried again on restart; only successes are kept.
        for (const l of lines) if (l.record.ok) kept.push(l);
      }
    }
    const fd = openSync(path, 'w+');
    const store = new CaseStore(path, settingsHash, fd, new Map(), 0);
    store.write(Buffer.from(JSON.stringify({ sonomics_store: 1, settings_hash: settingsHash } satisfies StoreHeader) + '\n'));
    for (const { line, record } of kept) store.add(line[line.length - 1] === 10 ? line : Buffer.concat([line, Buffer.from('\n')]), record);
    return store;
  }

  /** Opens a finished store for reading only (merge of shards). */
  static read(path: string): CaseStore {
    if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `${path} not found: is this an extraction output folder?`, { subject: path });
    const { header, lines } = scan(readFileSync(path));
    if (header?.sonomics_store !== 1) throw new SonomicsError('CORRUPT_FILE', `${path} is not a sonomics case store (no header line).`, { subject: path });
    const store = new CaseStore(path, header.settings_hash, openSync(path, 'r'), new Map(), 0);
    for (const { offset, line, record } of lines) {
      if (record.ok) store.index.set(record.case_id, { offset, length: line.length, ms: record.ms });
    }
    return store;
  }

  has(caseId: string): boolean {
    return this.index.has(caseId);
  }

  ids(): IterableIterator<string> {
    return this.index.keys();
  }

  /** Time the case took (ms), or undefined when it is not finished. */
  ms(caseId: string): number | undefined {
    return this.index.get(caseId)?.ms;
  }

  /** The stored record, as a restart would read it (NaN and ±Infinity are null in JSON). */
  get(caseId: string): CaseRecord | undefined {
    const e = this.index.get(caseId);
    if (!e) return undefined;
    const buf = Buffer.allocUnsafe(e.length);
    readSync(this.fd, buf, 0, e.length, e.offset);
    return JSON.parse(buf.toString('utf8')) as CaseRecord;
  }

  append(r: CaseRecord): void {
    const line = Buffer.from(JSON.stringify(r) + '\n');
    if (r.ok) this.add(line, r);
    else this.write(line);
  }

  close(): void {
    closeSync(this.fd);
  }

  private add(line: Buffer, r: CaseRecord): void {
    const offset = this.size;
    this.write(line);
    this.index.set(r.case_id, { offset, length: line.length - (line[line.length - 1] === 10 ? 1 : 0), ms: r.ms });
  }

  private write(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    this.size += buf.length;
  }
}

/** Splits a store file into its header and complete, parseable record lines (with byte offsets). */
function scan(buf: Buffer): { header: StoreHeader | null; lines: Array<{ offset: number; line: Buffer; record: CaseRecord }> } {
  const lines: Array<{ offset: number; line: Buffer; record: CaseRecord }> = [];
  let header: StoreHeader | null = null;
  let start = 0;
  let first = true;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    const line = buf.subarray(start, end);
    try {
      const parsed = JSON.parse(line.toString('utf8')) as unknown;
      if (first) header = parsed as StoreHeader;
      else lines.push({ offset: start, line: nl < 0 ? line : buf.subarray(start, end + 1), record: parsed as CaseRecord });
    } catch {
      // a line cut by a kill (or blank): that case is redone
    }
    first = false;
    start = end + 1;
  }
  return { header, lines };
}
