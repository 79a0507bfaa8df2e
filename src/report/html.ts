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
