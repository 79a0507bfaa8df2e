/** Entry: two views (tabs with arrow-key navigation, WAI-ARIA tabs pattern). */
import { mountCalculator } from './calculator.ts';
import { mountViewer } from './viewer.ts';

mountCalculator(document.getElementById('panel-calculator')!);
mountViewer(document.getElementById('panel-study')!);

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
function select(tab: HTMLButtonElement, focus: boolean): void {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')!)!.hidden = !on;
  }
  if (focus) tab.focus();
  history.replaceState(null, '', tab.id === 'tab-study' ? '#study' : '#calculator');
}
tabs.forEach((t, i) => {
  t.addEventListener('click', () => select(t, false));
  t.addEventListener('keydown', (e) => {
    const k = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (k) { e.preventDefault(); select(tabs[(i + k + tabs.length) % tabs.length]!, true); }
    else if (e.key === 'Home') { e.preventDefault(); select(tabs[0]!, true); }
    else if (e.key === 'End') { e.preventDefault(); select(tabs.at(-1)!, true); }
  });
});
if (location.hash === '#study') select(tabs[1]!, false);
