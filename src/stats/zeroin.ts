/**
 * Brent's (1973) root finder "zeroin" with R's conventions (stats::uniroot → R_zeroin2):
 * the caller gives f(a) and f(b); stops when the bracket half-width ≤ 2·ε·|b| + tol/2.
 * Used where a result must reproduce R's own uniroot answer (the Fisher odds ratio), since
 * uniroot's default tolerance (ε^¼ ≈ 1.2e-4) is part of R's reported number.
 */
const EPSILON = 2.220446049250313e-16;

export function zeroin(f: (x: number) => number, ax: number, bx: number, fa: number, fb: number, tol: number, maxit = 1000): number {
  let a = ax;
  let b = bx;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  for (let it = 0; it <= maxit; it++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // make b the best approximation
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      // interpolation: linear (two points) or inverse quadratic
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
