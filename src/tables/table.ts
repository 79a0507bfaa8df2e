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
  /** What the columns are, when the table says so (a feature table written by `extract`, via its run.json). */
  roles?: ColumnRoles;
}

/**
 * Column roles of a feature table: the case-id column, the feature columns
 * ({region}_{image}_{family}_{feature}) and the columns passed through from the manifest (cohort,
 * labels, patient ids, ...), which a study must never take as features.
 */
export interface ColumnRoles {
  id: string;
  features: string[];
  passThrough: string[];
}
