/** The report stage: StudyResult → self-contained HTML, text tables, generated methods, checklist. */
export { renderReport, REPORT_SECTIONS } from './render.ts';
export { formatPerformanceTable } from './text.ts';
export { methodsText } from './methods.ts';
export { tripodChecklist, type ChecklistItem } from './tripod.ts';
export { lineChart, type Series, type ChartOptions } from './svg.ts';
