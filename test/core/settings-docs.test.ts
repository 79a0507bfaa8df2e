// The settings reference tables in docs/ are generated from the schemas; this fails when a key is
// added to a schema without `node --import tsx scripts/settings-docs.ts` (or the docs were edited by hand).
import { describe, expect, it } from 'vitest';
import { readDoc, SETTINGS_DOCS, withTable } from '../../scripts/settings-docs.ts';
import { schemaRows } from '../../src/core/schema.ts';

describe('settings reference tables', () => {
  for (const { name, doc, schema } of SETTINGS_DOCS) {
    it(`${doc} carries the ${name} schema's table`, () => {
      const text = readDoc(doc);
      expect(withTable(text, name, schema, doc), 'run: node --import tsx scripts/settings-docs.ts').toBe(text);
      expect(schemaRows(schema).length).toBeGreaterThan(5);
    });
  }
});
