/**
 * Progress for long work: a one-line bar on a TTY (done/total, rate, ETA, failures), plain
 * periodic lines otherwise (logs, CI). Writes to stderr so stdout stays clean for data.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly start = Date.now();
  private lastPrint = 0;
  private readonly tty: boolean;

  constructor(private readonly label: string, private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY);
  }

  tick(ok = true): void {
    this.done++;
    if (!ok) this.failed++;
    const now = Date.now();
    const interval = this.tty ? 100 : 5000;
    if (now - this.lastPrint >= interval || this.done === this.total) {
      this.lastPrint = now;
      this.print();
    }
  }

  finish(): void {
    if (this.tty) this.stream.write('\n');
  }

  private print(): void {
    const secs = (Date.now() - this.start) / 1000;
    const rate = this.done / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    const fail = this.failed ? `, ${this.failed} failed` : '';
    const text = `${this.label}: ${this.done}/${this.total} (${rate.toFixed(1)}/s, ETA ${formatSeconds(eta)}${fail})`;
    if (this.tty) {
      const width = 24;
      const filled = Math.round((width * this.done) / Math.max(1, this.total));
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}   `);
    } else {
      this.stream.write(text + '\n');
    }
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
