/**
 * The report's sections, in page order. Adding a section is one file exporting a ReportSection
 * plus one line here (docs/architecture.md, "How to add a report section").
 */
import { calibrationSection } from './calibration.ts';
import { cautionsSection } from './cautions.ts';
import { checklistAuthorsSection } from './checklist-authors.ts';
import { clearSection } from './clear.ts';
import { clinicalRegressionSection } from './clinical-regression.ts';
import { cohortsSection } from './cohorts.ts';
import { comparisonsSection } from './comparisons.ts';
import type { ReportSection } from './context.ts';
import { decisionCurvesSection } from './decision-curves.ts';
import { ibsiItemsSection } from './ibsi-items.ts';
import { lassoSection } from './lasso.ts';
import { methodsSection } from './methods.ts';
import { performanceSection } from './performance.ts';
import { rocSection } from './roc.ts';
import { selectedFeaturesSection } from './selected-features.ts';
import { table1Section } from './table1.ts';
import { tripodSection } from './tripod.ts';

export type { ReportContext, ReportFigure, ReportSection, ReportTable } from './context.ts';

export const SECTION_REGISTRY: readonly ReportSection[] = [
  cohortsSection,
  table1Section,
  clinicalRegressionSection,
  lassoSection,
  selectedFeaturesSection,
  performanceSection,
  comparisonsSection,
  rocSection,
  calibrationSection,
  decisionCurvesSection,
  cautionsSection,
  methodsSection,
  tripodSection,
  clearSection,
  ibsiItemsSection,
  checklistAuthorsSection,
];
