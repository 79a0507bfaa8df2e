/** HTML helpers: escaping, number formatting and plain tables. */
export function esc(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export function num(x: number | undefined, digits = 3): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return x.toFixed(digits);
}

export function pval(p: number | undefined): string {
  if (p === undefined || Number.isNaN(p)) return '';
  return p < 0.001 ? '&lt;0.001' : p.toFixed(3);
}

export function table(head: string[], rows: string[][], caption?: string): string {
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * A coefficient with `digits` significant digits: fixed decimals print a small non-zero
 * coefficient as "0.0000", which reads as "not selected".
 */
export function sig(x: number | undefined, digits = 3): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e5) {
    const [m, e] = x.toExponential(digits - 1).split('e') as [string, string];
    return `${m.replace('-', '−')} × 10${[...String(Number(e))].map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
  }
  return String(Number(x.toPrecision(digits))).replace('-', '−');
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
