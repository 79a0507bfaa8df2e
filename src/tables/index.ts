/** Tables (CSV, XLSX) read as strings: one home, used by extraction (manifests) and the study. */
export type { Table } from './table.ts';
export { parseCsv, toCsv } from './csv.ts';
export { parseXlsx } from './xlsx.ts';
export { parseTableBytes, splitTableSpec, type TableSpec } from './read.ts';
