/** Tiny DOM helpers: `h('tag', attrs, ...children)` and a message area — enough for this app, no framework. */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | EventListener | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
}

/** A labelled form field: label, control, optional hint tied with aria-describedby. */
export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  control.id = id;
  const wrap = h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
  if (hint) {
    control.setAttribute('aria-describedby', `${id}-hint`);
    wrap.append(h('span', { class: 'hint', id: `${id}-hint`, text: hint }));
  }
  return wrap;
}

/** The message a thrown value should show: SonomicsError messages are written for users already. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Fixed digits; 'n/a' for NaN (e.g. PPV with no positive calls), ±∞ spelled out. */
export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : Number.isNaN(x) ? 'n/a' : x > 0 ? '∞' : '−∞');
