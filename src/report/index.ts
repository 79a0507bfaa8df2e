/** The report stage: StudyResult → self-contained HTML, figures, CSV tables, generated methods, checklists. */
export { buildReport, renderReport, REPORT_SECTIONS, SURVIVAL_REPORT_SECTIONS, type BuiltReport, type ReportOptions } from './render.ts';
export { SECTION_REGISTRY, type ReportContext, type ReportFigure, type ReportSection, type ReportTable } from './sections/index.ts';
export { formatPerformanceTable } from './text.ts';
export { methodsText, methodsParagraphs, type MethodsParagraph } from './methods.ts';
export { tripodChecklist, type ChecklistItem } from './tripod.ts';
export { clearChecklist } from './clear.ts';
export { ibsiReportingItems } from './ibsi-items.ts';
export { cautions, type Caution } from './cautions.ts';
export { studyFacts, type StudyFacts } from './facts.ts';
export { tableCsv } from './csv.ts';
export { lineChart, type Series, type ChartOptions } from './svg.ts';
