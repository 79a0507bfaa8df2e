/**
 * The report's sections, in page order. Adding a section is one file exporting a ReportSection
 * plus one line here (docs/architecture.md, "How to add a report section"). Sections of a
 * time-to-event study (survival/, `outcome: 'time-to-event'`) read a SurvivalStudyResult and appear
 * only in a survival study's report; the others only in a binary study's.
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
import type { SurvivalReportSection } from './survival/context.ts';
import { survivalCohortsSection } from './survival/cohorts.ts';
import { survivalModelsSection } from './survival/models.ts';
import { survivalPerformanceSection } from './survival/performance.ts';
import { survivalKmSection, survivalCifSection } from './survival/risk-groups.ts';
import { survivalTimeAucSection } from './survival/time-auc.ts';
import { survivalCalibrationSection } from './survival/calibration.ts';
import { survivalDecisionSection } from './survival/decision.ts';
import { survivalMethodsSection } from './survival/methods.ts';

export type { ReportContext, ReportFigure, ReportSection, ReportTable } from './context.ts';
export type { SurvivalReportContext, SurvivalReportSection } from './survival/context.ts';

/** A registered section: a binary study's (ReportSection) or a time-to-event study's. */
export type RegisteredSection = ReportSection | SurvivalReportSection;

export function isSurvivalSection(x: RegisteredSection): x is SurvivalReportSection {
  return (x as SurvivalReportSection).outcome === 'time-to-event';
}

export const SECTION_REGISTRY: readonly RegisteredSection[] = [
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
  survivalCohortsSection,
  survivalModelsSection,
  survivalPerformanceSection,
  survivalKmSection,
  survivalCifSection,
  survivalTimeAucSection,
  survivalCalibrationSection,
  survivalDecisionSection,
  survivalMethodsSection,
];
