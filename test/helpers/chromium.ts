/**
 * Debian's Chromium for the browser tests (web app, report). On a developer's machine without it
 * those suites skip with a message; under CI=true (set by .ci/run, which installs it) a missing
 * Chromium is an error, so a CI run can never be green by skipping them.
 */
import { existsSync } from 'node:fs';
import { IN_CI } from './shared.ts';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Call at the top of a browser suite: warns (and the suite skips) or, on CI, throws. */
export function requireChromium(what: string): void {
  if (HAS_CHROMIUM) return;
  const message = `[sonomics tests] ${CHROMIUM} not found: ${what} need Debian's chromium (apt-get install chromium; .ci/run installs it).`;
  if (IN_CI) throw new Error(`${message} CI=true: failing instead of skipping.`);
  console.warn(`${message} Skipped.`);
}
