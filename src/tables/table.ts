/**
 * A table of strings as read from a CSV file or an XLSX worksheet: clinical tables, feature
 * tables and cohort manifests all arrive in this shape, so extraction and the study share one reader.
 */
export interface Table {
  /** Where the table came from (a file name), for error messages. */
  source: string;
  columns: string[];
  /** rows[i][column] = raw cell text (trimmed). */
  rows: Array<Record<string, string>>;
}
