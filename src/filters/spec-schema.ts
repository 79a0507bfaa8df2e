/**
 * The schema of one filter spec (an entry of the extraction settings' `images`): which keys each
 * registered filter type takes, for strict validation and the docs' reference table. Value
 * checks the schema cannot express are each filter's `validate` (validate.ts runs them).
 */
import { s, type ObjectNode } from '../core/schema.ts';
import { FILTERS } from './registry.ts';

export const FILTER_SPEC_VARIANTS: Record<string, ObjectNode> = Object.fromEntries(FILTERS.map((f) => [f.type, f.settings]));

export const FILTER_SPEC_SCHEMA = s.tagged('type', FILTER_SPEC_VARIANTS);
