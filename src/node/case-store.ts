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
import type { CaseSource } from '../extract/source-summary.ts';

export interface CaseRecord {
  case_id: string;
  ok: boolean;
  /** Feature name → value (ok cases). Key order is the extraction order. */
  features?: Record<string, number>;
  error?: { code: string; message: string };
  warnings?: string[];
  ms: number;
  /** Where the case's image came from and its regions' sizes (ok cases; the run record summarises them). */
  source?: CaseSource;
  /** PyRadiomics' diagnostics_* values (settings `diagnostics: true`); the table writes them before the features. */
  diagnostics?: Record<string, string | number>;
}

interface StoreHeader {
  sonomics_store: 1;
  settings_hash: string;
}

/** Where a finished case's line lies in the store file, and which list of feature names it has. */
interface Entry {
  offset: number;
  length: number;
  ms: number;
  schema: number;
  source?: CaseSource;
}

/** Finished cases by id, read on demand (a store, or several shard stores merged). */
export interface RecordSource {
  has(caseId: string): boolean;
  get(caseId: string): CaseRecord | undefined;
  /** The case's feature names in order, without reading its record (the table's first pass). */
  featureNames(caseId: string): readonly string[] | undefined;
  /** The stored JSON line of the case, unparsed. */
  text(caseId: string): string | undefined;
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
   * The distinct lists of feature names (JSON text → number; nearly always one per run), so the
   * table's columns are known without parsing every stored record.
   */
  private readonly schemaIds = new Map<string, number>();
  private readonly schemas: string[][] = [];

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
    for (const { line, record } of kept) store.add(line[line.length - 1] === 10 ? line : Buffer.concat([line, Buffer.from('\n')]), record, namesOf(record));
    return store;
  }

  /** Opens a finished store for reading only (merge of shards). */
  static read(path: string): CaseStore {
    if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `${path} not found: is this an extraction output folder?`, { subject: path });
    const { header, lines } = scan(readFileSync(path));
    if (header?.sonomics_store !== 1) throw new SonomicsError('CORRUPT_FILE', `${path} is not a sonomics case store (no header line).`, { subject: path });
    const store = new CaseStore(path, header.settings_hash, openSync(path, 'r'), new Map(), 0);
    for (const { offset, line, record } of lines) {
      if (record.ok) store.index.set(record.case_id, { offset, length: line.length, ms: record.ms, schema: store.schemaOf(namesOf(record)), source: record.source });
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

  /** The case's image and region facts, when the run recorded them. */
  source(caseId: string): CaseSource | undefined {
    return this.index.get(caseId)?.source;
  }

  featureNames(caseId: string): readonly string[] | undefined {
    const e = this.index.get(caseId);
    return e ? this.schemas[e.schema] : undefined;
  }

  /** The stored record, as a restart would read it (NaN and ±Infinity are null in JSON). */
  get(caseId: string): CaseRecord | undefined {
    const line = this.text(caseId);
    return line === undefined ? undefined : (JSON.parse(line) as CaseRecord);
  }

  text(caseId: string): string | undefined {
    const e = this.index.get(caseId);
    if (!e) return undefined;
    const buf = Buffer.allocUnsafe(e.length);
    readSync(this.fd, buf, 0, e.length, e.offset);
    return buf.toString('utf8');
  }

  append(r: CaseRecord): void {
    const line = Buffer.from(JSON.stringify(r) + '\n');
    if (r.ok) this.add(line, r, JSON.stringify(Object.keys(r.features ?? {})));
    else this.write(line);
  }

  /**
   * Appends a finished case whose features arrive as JSON text (from a worker): the line has the
   * bytes `append` would write for the same record, without parsing the features here.
   * `namesJson` is the JSON array of the feature names in order.
   */
  appendOk(caseId: string, featuresJson: string, namesJson: string, warnings: string[], ms: number, source?: CaseSource, diagnosticsJson?: string): void {
    const text = `{"case_id":${JSON.stringify(caseId)},"ok":true,"features":${featuresJson},"warnings":${JSON.stringify(warnings)},"ms":${JSON.stringify(ms)}${source ? `,"source":${JSON.stringify(source)}` : ''}${diagnosticsJson ? `,"diagnostics":${diagnosticsJson}` : ''}}\n`;
    this.add(Buffer.from(text), { case_id: caseId, ok: true, ms, source }, namesJson);
  }

  close(): void {
    closeSync(this.fd);
  }

  private add(line: Buffer, r: CaseRecord, namesJson: string): void {
    const offset = this.size;
    this.write(line);
    this.index.set(r.case_id, { offset, length: line.length - (line[line.length - 1] === 10 ? 1 : 0), ms: r.ms, schema: this.schemaOf(namesJson), source: r.source });
  }

  private schemaOf(namesJson: string): number {
    let id = this.schemaIds.get(namesJson);
    if (id === undefined) {
      id = this.schemas.push(JSON.parse(namesJson) as string[]) - 1;
      this.schemaIds.set(namesJson, id);
    }
    return id;
  }

  private write(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    this.size += buf.length;
  }
}

function namesOf(r: CaseRecord): string {
  return JSON.stringify(Object.keys(r.features ?? {}));
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
