/**
 * The one registry of model heads: kind → head. A new head is one file beside these plus one line
 * here (docs/architecture.md, "How to add a model head"); the config's `head:` keys and the
 * bundle's `head.kind` are checked against it.
 */
import { SonomicsError } from '../../core/errors.ts';
import type { FittedHead, ModelHead } from './contract.ts';
import { coxHead } from './cox.ts';
import { logisticHead } from './logistic.ts';
import { svmHead } from './svm.ts';

export const HEADS: Readonly<Record<string, ModelHead<any, any>>> = {
  svm: svmHead,
  logistic: logisticHead,
  cox: coxHead,
};

export const HEAD_KINDS = Object.keys(HEADS);

/** The head registered under `kind`; `what` names the model or bundle entry in the error. */
export function headFor(kind: string, what: string): ModelHead<FittedHead, unknown> {
  const h = HEADS[kind];
  if (!h) throw new SonomicsError('BAD_CONFIG', `${what}: unknown model head "${kind}"; use one of ${HEAD_KINDS.join(', ')}.`, { subject: kind });
  return h;
}
