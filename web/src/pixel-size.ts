/**
 * The image's pixel size (issue #14). A PNG or JPEG from an ultrasound scanner usually carries no
 * physical pixel size, while a bundle's settings speak in mm (a 5 mm ring, LoG σ 2 mm): extraction
 * then stops with UNCALIBRATED. This control shows the pixel size the file states (DICOM, PNG
 * pHYs in metres, TIFF resolution), or — when it states none — asks for it in mm per pixel (x, and y
 * if the pixels are not square). The value is passed to the image and mask readers exactly as the
 * manifest's spacing_mm / spacing_x_mm / spacing_y_mm columns are by `sonomics extract`.
 */
import { SonomicsError, type Image } from '../../src/index.ts';
import { field, fmt, h } from './dom.ts';

/**
 * Accepted pixel sizes, mm per pixel. B-mode pixels are about 0.03–0.5 mm; 0.001–10 mm leaves room
 * for any scanner or zoom while catching a value typed in the wrong unit (µm, cm, pixels per mm).
 */
export const PIXEL_SIZE_RANGE_MM: readonly [number, number] = [0.001, 10];

export interface PixelSizeControl {
  element: HTMLElement;
  /** A newly read image (without any pixel size given here): shows the file's pixel size, or asks for one. */
  setImage(img: Image | null): void;
  /**
   * The pixel size [x, y] in mm to read the image and masks with: undefined when the file states its
   * own, or nothing was entered. A value that is not a plausible length is a named error (BAD_INPUT).
   */
  read(): [number, number] | undefined;
  /** Called when the user changes a value. */
  onChange: () => void;
}

/** One typed value → mm, or a SonomicsError naming the field and what to write. */
export function parsePixelSize(text: string, axis: 'x' | 'y'): number {
  const t = text.trim().replace(',', '.');
  const v = Number(t);
  const [lo, hi] = PIXEL_SIZE_RANGE_MM;
  if (!t || !Number.isFinite(v) || v <= 0) throw new SonomicsError('BAD_INPUT', `pixel size ${axis} "${text}": write the size of one pixel in mm as a positive number, e.g. 0.1.`, { subject: `pixel-size-${axis}` });
  if (v < lo || v > hi) throw new SonomicsError('BAD_INPUT', `pixel size ${axis} ${v} mm is outside the plausible range ${lo}–${hi} mm per pixel (ultrasound pixels are about 0.03–0.5 mm); check the unit: mm per pixel, not µm, cm or pixels per mm.`, { subject: `pixel-size-${axis}` });
  return v;
}

export function pixelSizeControl(): PixelSizeControl {
  const xInput = h('input', { type: 'text', inputmode: 'decimal', size: 8, placeholder: 'e.g. 0.1', spellcheck: 'false' });
  const yInput = h('input', { type: 'text', inputmode: 'decimal', size: 8, placeholder: '= x', spellcheck: 'false' });
  const fromFile = h('p', { id: 'pixel-size-file', class: 'hint', role: 'status' });
  const ask = h('div', { id: 'pixel-size-box', hidden: true },
    h('p', { class: 'hint', id: 'pixel-size-why', text: 'This image carries no pixel size. The model\'s settings measure in mm (ring width, filter σ): give the size of one pixel, as the scanner or the DICOM export states it.' }),
    h('div', { class: 'row' },
      field('pixel-size-x', 'Pixel size x (mm per pixel)', xInput),
      field('pixel-size-y', 'Pixel size y (mm per pixel; empty = x)', yInput)));
  const element = h('fieldset', { id: 'pixel-size' }, h('legend', { text: 'Pixel size' }), fromFile, ask);
  element.hidden = true;
  let calibrated = true;

  const control: PixelSizeControl = {
    element,
    onChange: () => {},
    setImage(img) {
      element.hidden = !img;
      if (!img) return;
      calibrated = img.spacingUnit !== 'pixel';
      ask.hidden = calibrated;
      fromFile.textContent = calibrated
        ? `From the file (${img.spacingSource ?? 'its header'}): ${fmt(img.spacing[0], 4)} × ${fmt(img.spacing[1], 4)} mm per pixel.`
        : '';
    },
    read() {
      if (calibrated) return undefined;
      const xs = xInput.value, ys = yInput.value;
      if (!xs.trim() && !ys.trim()) return undefined;
      if (!xs.trim()) throw new SonomicsError('BAD_INPUT', 'pixel size x is empty: give x (and y only if the pixels are not square).', { subject: 'pixel-size-x' });
      const x = parsePixelSize(xs, 'x');
      return [x, ys.trim() ? parsePixelSize(ys, 'y') : x];
    },
  };
  for (const i of [xInput, yInput]) i.addEventListener('change', () => control.onChange());
  return control;
}
