/**
 * The append-only result store of an extraction run (JSON Lines). The first line records the
 * settings hash; each finished case appends one line at once, so a killed run loses at most the
 * cases in flight. A restart reads the store and skips what is there. A half-written last line
 * (killed mid-write) is ignored and that case is simply done again.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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

export class CaseStore {
  private constructor(readonly path: string, readonly records: Map<string, CaseRecord>) {}

  /**
   * Opens (or creates) the store. A store made with other settings is refused unless `force`,
   * which starts it afresh.
   */
  static open(path: string, settingsHash: string, force = false): CaseStore {
    const records = new Map<string, CaseRecord>();
    if (existsSync(path) && !force) {
      const lines = readFileSync(path, 'utf8').split('\n');
      let header: StoreHeader | null = null;
      try { header = JSON.parse(lines[0] ?? '') as StoreHeader; } catch { header = null; }
      if (header?.sonomics_store === 1) {
        if (header.settings_hash !== settingsHash) {
          throw new SonomicsError('BAD_SETTINGS',
            `${path} was made with other extraction settings (hash ${header.settings_hash.slice(0, 12)}…, now ${settingsHash.slice(0, 12)}…); ` +
            'use another --out folder, or --force to discard the finished cases and start again.', { subject: path });
        }
        for (const line of lines.slice(1)) {
          if (!line.trim()) continue;
          try {
            const r = JSON.parse(line) as CaseRecord;
            // Failed cases are tried again on restart; only successes are kept.
            if (r.ok) records.set(r.case_id, r);
          } catch {
            // a line cut by a kill: that case is redone
          }
        }
        // Rewrite a clean store (drops a torn last line so appends start on a fresh line).
        writeFileSync(path, [JSON.stringify(header), ...[...records.values()].map((r) => JSON.stringify(r))].join('\n') + '\n');
        return new CaseStore(path, records);
      }
    }
    writeFileSync(path, JSON.stringify({ sonomics_store: 1, settings_hash: settingsHash } satisfies StoreHeader) + '\n');
    return new CaseStore(path, records);
  }

  /** Reads a store without opening it for writing (for merge). */
  static read(path: string): { settingsHash: string; records: CaseRecord[] } {
    if (!existsSync(path)) throw new SonomicsError('FILE_NOT_FOUND', `${path} not found: is this an extraction output folder?`, { subject: path });
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
    const header = JSON.parse(lines[0]!) as StoreHeader;
    const records: CaseRecord[] = [];
    for (const l of lines.slice(1)) {
      try { records.push(JSON.parse(l) as CaseRecord); } catch { /* torn line */ }
    }
    return { settingsHash: header.settings_hash, records };
  }

  has(caseId: string): boolean {
    return this.records.has(caseId);
  }

  append(r: CaseRecord): void {
    const line = JSON.stringify(r);
    appendFileSync(this.path, line + '\n');
    // Keep what a restart would read back (NaN and ±Infinity become null in JSON), so tables built
    // in this run and after a restart are byte-identical.
    if (r.ok) this.records.set(r.case_id, JSON.parse(line) as CaseRecord);
  }
}
