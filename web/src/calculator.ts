/**
 * The risk calculator: a model bundle, an image with its tumour mask (or a drawn outline) and
 * parenchyma mask, the clinical form → predicted risk, risk group at the model's threshold, the
 * region overlay and the inputs that drove the prediction. Features come from `extractCase` with
 * the bundle's stored settings and the risk from `predict`: the same code as the CLI.
 */
import {
  checkMask, loadModel, parseCsv, peritumoralRing, polygonToMask, predict, readableInputName, readableNumber, readImageAsync, readMask, resolveExtractionSettings, ringName, withCentreReference,
  predictSurvival, type Image, type Mask, type ModelBundle, type ModelName, type Prediction, type SurvivalPrediction,
} from '../../src/index.ts';
import { survivalPanel } from './survival-result.ts';
import { clinicalForm, type ClinicalForm } from './clinical-form.ts';
import { errorText, field, fileBytes, fmt, h } from './dom.ts';
import { extractInBackground } from './extract-client.ts';
import type { ExtractReply } from './extract-core.ts';
import { ImageView, REGION_COLORS, type Region } from './image-view.ts';
import { pixelSizeControl } from './pixel-size.ts';

/** `bytes`: the file as read, to read it again with a pixel size given in the page. */
interface Loaded<T> { value: T; name: string; token: number; bytes?: Uint8Array }

export function mountCalculator(root: HTMLElement): void {
  let bundle: ModelBundle | null = null;
  let image: Loaded<Image> | null = null;
  let tumourFile: Loaded<Mask> | null = null;
  let parenchymaFile: Loaded<Mask> | null = null;
  let outline: Loaded<Mask> | null = null;
  let form: ClinicalForm | null = null;
  let tokens = 0;
  let cache: { key: string; reply: ExtractReply } | null = null;
  /** A new centre's reference set (raw rows of its feature table) and its file name. */
  let centreRef: { rows: Array<Record<string, string>>; name: string } | null = null;

  const error = h('div', { id: 'calc-error', class: 'message', role: 'alert' });
  const showError = (msg: string) => { error.textContent = msg; };
  const clearError = () => { error.textContent = ''; };

  // 1. Model
  const bundleInput = h('input', { type: 'file', accept: '.json,application/json' });
  const bundleInfo = h('div', { id: 'bundle-info', class: 'info', role: 'status' });
  const modelSelect = h('select', { disabled: true });
  // Centre: a model trained with centre harmonisation aligns each centre's features to the training
  // centre with that centre's own parameters (stored in the bundle, or fitted from a reference set).
  const NEW_CENTRE = '__new__';
  const centreSelect = h('select', {});
  const centreNameInput = h('input', { type: 'text', spellcheck: 'false' });
  const centreRefInput = h('input', { type: 'file', accept: '.csv,text/csv' });
  const centreRefInfo = h('div', { id: 'centre-reference-info', class: 'hint', role: 'status' });
  const newCentreBox = h('div', { id: 'new-centre-box', hidden: true },
    field('centre-name', 'Name of the new centre', centreNameInput),
    field('centre-reference-file', 'Reference set of the new centre (features CSV of unlabelled cases)', centreRefInput), centreRefInfo);
  const centreBox = h('div', { id: 'centre-box', hidden: true },
    field('centre-select', 'Centre the image comes from', centreSelect, 'The model aligns each centre\'s image features to the training centre, as in the study.'), newCentreBox);
  const modelSet = h('fieldset', {}, h('legend', { text: '1. Model' }),
    field('bundle-file', 'Model bundle (bundle.json written by sonomics study)', bundleInput), bundleInfo,
    field('model-select', 'Model', modelSelect, 'Clinical, radiomics or combined; the default is the bundle\'s.'), centreBox);

  // 2. Image and regions
  const imageInput = h('input', { type: 'file', accept: '.dcm,.png,.jpg,.jpeg,.bmp,.tif,.tiff,.nrrd,.nii,.gz,application/dicom,image/*' });
  const modeFile = h('input', { type: 'radio', name: 'tumour-mode', id: 'mode-file', value: 'file', checked: true });
  const modeDraw = h('input', { type: 'radio', name: 'tumour-mode', id: 'mode-draw', value: 'draw' });
  const tumourInput = h('input', { type: 'file', accept: '.png,.dcm,.nrrd,.nii,.gz,.bmp,.tif,.tiff,image/*' });
  const parenchymaInput = h('input', { type: 'file', accept: '.png,.dcm,.nrrd,.nii,.gz,.bmp,.tif,.tiff,image/*' });
  const parenchymaHint = h('span', { class: 'hint', id: 'parenchyma-need' });
  const pointsArea = h('textarea', { rows: 3, cols: 28, spellcheck: 'false' });
  const drawButton = h('button', { type: 'button', id: 'draw-toggle', 'aria-pressed': 'false', text: 'Start outline' });
  const undoButton = h('button', { type: 'button', id: 'draw-undo', text: 'Undo point' });
  const clearButton = h('button', { type: 'button', id: 'draw-clear', text: 'Clear outline' });
  const outlineInfo = h('div', { id: 'outline-info', class: 'hint', role: 'status' });
  const fileBox = h('div', { id: 'tumour-file-box' }, field('tumour-file', 'Tumour mask (same size as the image)', tumourInput));
  const drawBox = h('div', { id: 'tumour-draw-box', hidden: true },
    h('p', { class: 'hint', text: 'Press “Start outline”, click around the lesion on the image, then “Finish outline”. Or type the points (pixel x,y per line).' }),
    h('div', { class: 'row' }, drawButton, undoButton, clearButton),
    field('outline-points', 'Outline points (x,y per line, in image pixels)', pointsArea), outlineInfo);
  // The image's pixel size: the file's, or typed in when it has none (pixel-size.ts).
  const pixelSize = pixelSizeControl();
  /** The pixel size the image and masks were last read with ('' = the files' own). */
  let appliedPixelSize = '';
  const imageSet = h('fieldset', {}, h('legend', { text: '2. Image and regions' }),
    field('image-file', 'Ultrasound image (DICOM, PNG, JPEG, …)', imageInput), pixelSize.element,
    h('fieldset', {}, h('legend', { text: 'Tumour outline' }),
      h('div', { class: 'row' }, modeFile, h('label', { for: 'mode-file', text: 'Load a mask' }), modeDraw, h('label', { for: 'mode-draw', text: 'Draw on the image' }))),
    fileBox, drawBox,
    field('parenchyma-file', 'Parenchyma mask (same size as the image)', parenchymaInput), parenchymaHint);

  // 3. Clinical variables
  const formBox = h('div', {}, h('p', { class: 'hint', text: 'Load a model bundle to see the variables it needs.' }));
  const clinicalSet = h('fieldset', {}, h('legend', { text: '3. Clinical variables' }), formBox);

  const computeButton = h('button', { type: 'button', class: 'primary', id: 'compute', text: 'Compute risk', disabled: true });
  const busy = h('div', { id: 'busy', role: 'status', 'aria-live': 'polite' });

  // Result and image
  const result = h('div', { id: 'result', 'aria-live': 'polite' }, h('p', { class: 'hint', text: 'The predicted risk appears here.' }));
  const canvas = h('canvas', { id: 'overlay', width: 1, height: 1, role: 'img', 'aria-label': 'Ultrasound image with the tumour, ring and parenchyma regions' });
  const view = new ImageView(canvas);
  const legend = h('div', { class: 'legend', id: 'legend' });

  // The result column stays in view (sticky) while the form scrolls: risk, group, top drivers and
  // the image with its outline fit one 1366×768 screen; the full driver table is behind a disclosure.
  root.append(
    h('h2', { text: 'Risk calculator' }),
    error,
    h('div', { class: 'grid' },
      h('div', {}, modelSet, imageSet, clinicalSet, h('div', { class: 'row' }, computeButton, busy)),
      h('div', { class: 'result-col', id: 'result-col' }, h('h3', { text: 'Prediction' }), result, h('h3', { class: 'sr-only', text: 'Image and regions' }), legend, h('div', { class: 'canvas-wrap' }, canvas))),
  );

  const modelName = (): ModelName => (modelSelect.value || bundle!.defaultModel) as ModelName;
  const neededFeatures = (): string[] => {
    if (!bundle) return [];
    const inputs = new Set(bundle.models[modelName()]?.inputs ?? []);
    return bundle.features.filter((f) => inputs.has(f));
  };
  const settings = () => {
    if (bundle && !bundle.extraction.scoresImages) throw new Error(`this bundle is features-only: it cannot score images because ${bundle.extraction.why}.`);
    return resolveExtractionSettings(bundle?.extraction.settings ?? null, 'the model bundle\'s extraction settings');
  };
  const drawMode = () => modeDraw.checked;
  const tumour = () => (drawMode() ? outline : tumourFile);

  function refreshState(): void {
    computeButton.disabled = !bundle;
    const needs = neededFeatures();
    const needsPar = needs.some((f) => f.startsWith('parenchyma_'));
    parenchymaHint.textContent = !bundle ? '' : needsPar ? 'This model uses parenchyma features: the mask is required.' : 'Not used by this model (optional: shown in the overlay).';
  }

  function renderForm(): void {
    if (!bundle) return;
    form = clinicalForm(bundle, modelName());
    formBox.replaceChildren(form.element);
    refreshState();
  }

  /** The overlay: tumour, the bundle's rings and the parenchyma, on the image grid. */
  function refreshRegions(): void {
    if (!image) return;
    const regions: Region[] = [];
    const t = tumour();
    try {
      if (t) {
        const tm = checkMask(image.value, t.value, { caseId: image.name, maskName: drawMode() ? 'drawn outline' : `tumour mask ${t.name}` }).mask;
        regions.push({ name: 'tumour', label: 'Tumour', color: REGION_COLORS.tumour!, alpha: 0.45, mask: tm, visible: true });
        const s = settings();
        for (const w of s.regions.rings ?? []) {
          regions.push({ name: 'ring', label: `Peri-tumoural ring (${ringName(w, s.regions.ringInnerMarginMm ?? 0)})`, color: REGION_COLORS.ring!, alpha: 0.4, mask: peritumoralRing(tm, w, { innerMarginMm: s.regions.ringInnerMarginMm }), visible: true });
        }
      }
      if (parenchymaFile) {
        const pm = checkMask(image.value, parenchymaFile.value, { caseId: image.name, maskName: `parenchyma mask ${parenchymaFile.name}` }).mask;
        regions.push({ name: 'parenchyma', label: 'Parenchyma', color: REGION_COLORS.parenchyma!, alpha: 0.3, mask: pm, visible: true });
      }
    } catch (err) {
      showError(errorText(err));
    }
    view.setRegions(regions);
    legend.replaceChildren(...regions.map((r) => {
      const id = `show-${r.name}`;
      const box = h('input', { type: 'checkbox', id, checked: true, onchange: () => view.setVisible(r.name, box.checked) });
      return h('span', {}, box, h('label', { for: id }, h('span', { class: 'swatch', style: `background: rgb(${r.color.join(',')})` }), r.label));
    }));
  }

  async function loadBundle(file: File): Promise<void> {
    clearError();
    try {
      const text = await file.text();
      let b: ModelBundle;
      try { b = loadModel(text); } catch (err) { throw new Error(`${file.name}: ${errorText(err)}`); }
      bundle = b;
      centreRef = null;
      cache = null;
      const names = Object.keys(b.models) as ModelName[];
      modelSelect.replaceChildren(...names.map((m) => h('option', { value: m, selected: m === b.defaultModel, text: `${m}${m === b.defaultModel ? ' (default)' : ''} — threshold ${fmt(b.models[m]!.threshold)}` })));
      modelSelect.disabled = false;
      const perf = b.training.performance;
      const pv = b.provenance;
      bundleInfo.textContent = `${b.title} — trained on ${b.training.cohort} (n = ${b.training.n}, ${b.training.events} events). `
        + names.map((m) => `${m}: CV ${b.survival ? `C-index ${fmt(perf[m]?.cvHarrell ?? NaN)}, AUC(${b.survival.horizon})` : 'AUC'} ${fmt(perf[m]?.cvAuc ?? NaN)}${perf[m]?.externalAuc !== undefined ? `, external ${fmt(perf[m]!.externalAuc!)}` : ''}`).join('; ')
        + `. Made by sonomics ${pv.sonomics}${pv.created ? ` on ${pv.created.slice(0, 10)}` : ''}; content hash ${b.contentHash.slice(0, 12)}… (checked).`
        + (b.sharing.omitted.length ? ` Not in this shareable bundle: ${b.sharing.omitted.map((o) => o.model).join(', ')} (training rows; private bundle).` : '')
        + (b.extraction.scoresImages ? '' : ` Features-only: it cannot score images (${b.extraction.why}); only the clinical model can be used here.`);
      renderCentres(b);
      renderForm();
      refreshRegions();
      result.replaceChildren(h('p', { class: 'hint', text: 'The predicted risk appears here.' }));
    } catch (err) {
      showError(errorText(err));
    }
  }

  function renderCentres(b: ModelBundle): void {
    const hm = b.harmonisation;
    centreBox.hidden = !hm;
    newCentreBox.hidden = true;
    if (!hm) { centreSelect.replaceChildren(); return; }
    centreSelect.replaceChildren(
      h('option', { value: '', text: '— choose the centre —' }),
      ...hm.trainingCentres.map((c) => h('option', { value: c, text: `${c} (training centre)` })),
      ...hm.centres.map((c) => h('option', { value: c, text: c })),
      h('option', { value: NEW_CENTRE, text: `Another centre (needs a reference set of ≥ ${hm.minReferenceCases} of its cases)` }));
  }

  /** The bundle and centre name to predict with (a new centre: its parameters from the reference set). */
  function centreChoice(b: ModelBundle, model: ModelName): { bundle: ModelBundle; centre?: string } {
    if (!b.harmonisation || !b.models[model]?.harmonise) return { bundle: b };
    const v = centreSelect.value;
    if (!v) throw new Error(`the ${model} model aligns each centre's image features to the training centre: choose the centre the image comes from.`);
    if (v !== NEW_CENTRE) return { bundle: b, centre: v };
    const name = centreNameInput.value.trim();
    if (!name) throw new Error('give the new centre a name.');
    if (!centreRef) throw new Error(`load a reference set of the new centre: a features CSV of at least ${b.harmonisation.minReferenceCases} of its cases (extracted with this bundle's settings; no outcome needed).`);
    return { bundle: withCentreReference(b, name, centreRef.rows, centreRef.name), centre: name };
  }

  async function loadCentreReference(file: File): Promise<void> {
    clearError();
    try {
      const t = parseCsv(await file.text(), file.name);
      centreRef = { rows: t.rows as Array<Record<string, string>>, name: file.name };
      centreRefInfo.textContent = `${t.rows.length} cases in ${file.name}.`;
    } catch (err) {
      centreRef = null;
      centreRefInfo.textContent = '';
      showError(errorText(err));
    }
  }

  /**
   * Read the image and masks again with the pixel size typed in the page (or without one), as
   * `sonomics extract` reads a manifest row's files with its spacing_mm: the readers take the value,
   * so the image, the masks and a drawn outline all carry it. A value that is not plausible throws.
   */
  async function applyPixelSize(): Promise<void> {
    const sp = pixelSize.read();
    const key = sp ? sp.join(' × ') : '';
    if (key === appliedPixelSize) return;
    const opts = (name: string) => ({ name, ...(sp ? { spacing: sp } : {}) });
    if (image?.bytes) image = { ...image, value: await readImageAsync(image.bytes, opts(image.name)), token: ++tokens };
    const mask = (m: Loaded<Mask> | null) => (m?.bytes ? { ...m, value: readMask(m.bytes, opts(m.name)), token: ++tokens } : m);
    tumourFile = mask(tumourFile);
    parenchymaFile = mask(parenchymaFile);
    appliedPixelSize = key;
    if (outline) outlineFromPoints();
    refreshRegions();
  }
  pixelSize.onChange = () => { clearError(); applyPixelSize().catch((err) => showError(errorText(err))); };

  async function loadImage(file: File): Promise<void> {
    clearError();
    try {
      const bytes = await fileBytes(file);
      const img = await readImageAsync(bytes, { name: file.name });
      if (img.size[2] !== 1) throw new Error(`${file.name}: a ${img.size.join('×')} volume; the calculator takes one 2D image (a single frame or slice).`);
      image = { value: img, name: file.name, token: ++tokens, bytes };
      appliedPixelSize = '';
      pixelSize.setImage(img);
      outline = null;
      pointsArea.value = '';
      cache = null;
      view.setImage(img);
      refreshRegions();
      outlineInfo.textContent = '';
      // A pixel size already typed (the previous image's scanner) applies to this one too.
      await applyPixelSize();
    } catch (err) {
      showError(errorText(err));
    }
  }

  async function loadMask(file: File, which: 'tumour' | 'parenchyma'): Promise<void> {
    clearError();
    try {
      const bytes = await fileBytes(file);
      // Read with the pixel size the image was read with (typed in the page), as extract reads a manifest row's masks.
      const sp = image && appliedPixelSize ? (image.value.spacing.slice(0, 2) as [number, number]) : undefined;
      const m = readMask(bytes, { name: file.name, ...(sp ? { spacing: sp } : {}) });
      // Check against the image now, so a wrong size is reported at once.
      if (image) checkMask(image.value, m, { caseId: image.name, maskName: `${which} mask ${file.name}` });
      const loaded = { value: m, name: file.name, token: ++tokens, bytes };
      if (which === 'tumour') tumourFile = loaded; else parenchymaFile = loaded;
      refreshRegions();
    } catch (err) {
      if (which === 'tumour') tumourFile = null; else parenchymaFile = null;
      showError(errorText(err));
      refreshRegions();
    }
  }

  function outlineFromPoints(): void {
    if (!image) return;
    if (view.points.length < 3) { outline = null; outlineInfo.textContent = `${view.points.length} point(s); at least 3 are needed.`; refreshRegions(); return; }
    try {
      const m = polygonToMask(view.points, image.value);
      outline = { value: m, name: 'drawn outline', token: ++tokens };
      let n = 0;
      for (const v of m.data) n += v;
      outlineInfo.textContent = `${view.points.length} points, ${n} pixels inside.`;
    } catch (err) {
      outline = null;
      showError(errorText(err));
    }
    refreshRegions();
  }

  function syncPointsText(): void { pointsArea.value = view.points.map(([x, y]) => `${x},${y}`).join('\n'); }

  function setDrawing(on: boolean): void {
    view.drawing = on;
    drawButton.textContent = on ? 'Finish outline' : 'Start outline';
    drawButton.setAttribute('aria-pressed', String(on));
    canvas.classList.toggle('drawing', on);
    if (!on) outlineFromPoints();
    view.render();
  }

  async function compute(): Promise<void> {
    if (!bundle) return;
    clearError();
    const b = bundle;
    const model = modelName();
    // The previous case's risk goes at once: a result on screen is always the current inputs'.
    result.replaceChildren(h('p', { class: 'hint', text: 'Computing…' }));
    try {
      const row: Record<string, number | string> = { ...(form?.read() ?? {}) };
      const needs = neededFeatures();
      // The pixel size as typed now (a change event may not have fired yet): checked, and the files read with it.
      if (needs.length && image) await applyPixelSize();
      let reply: ExtractReply | null = null;
      if (needs.length) {
        if (!image) throw new Error(`the ${model} model uses image features: load the ultrasound image first.`);
        const t = tumour();
        if (!t) throw new Error(drawMode() ? 'draw the tumour outline (at least 3 points) and press “Finish outline”.' : `the ${model} model uses image features: load the tumour mask (or draw the outline).`);
        if (needs.some((f) => f.startsWith('parenchyma_')) && !parenchymaFile) throw new Error(`the ${model} model uses parenchyma features (${needs.filter((f) => f.startsWith('parenchyma_')).join(', ')}): load the parenchyma mask.`);
        const key = [image.token, t.token, parenchymaFile?.token ?? 0, b.extraction.hash].join('/');
        if (cache?.key === key) reply = cache.reply;
        else {
          busy.className = 'busy';
          busy.textContent = 'Computing features in this browser…';
          computeButton.disabled = true;
          try {
            reply = await extractInBackground({ image: image.value, tumour: t.value, parenchyma: parenchymaFile?.value, settings: b.extraction.settings, caseId: image.name });
          } catch (err) {
            // Where in this page the missing calibration is given.
            if ((err as { code?: string }).code === 'UNCALIBRATED' || /UNCALIBRATED|no physical calibration/.test(errorText(err))) throw new Error(`${errorText(err)} In this calculator: enter the pixel size (mm per pixel) under “Pixel size” in 2. Image and regions.`);
            throw err;
          }
          cache = { key, reply };
        }
        for (const f of needs) row[f] = reply.features[f]!;
      }
      const c = centreChoice(b, model);
      const p = predict(c.bundle, row, { model, caseId: image?.name ?? 'this case', centre: c.centre });
      // A survival bundle: the risk at 1, 2 and 3 years and the curve (survival-result.ts).
      const sp = b.survival ? predictSurvival(c.bundle, row, { model, caseId: image?.name ?? 'this case', centre: c.centre, times: [12, 24, 36], beyondLastTime: 'drop' }) : null;
      showResult(p, reply, sp);
    } catch (err) {
      showError(errorText(err));
    } finally {
      busy.className = '';
      busy.textContent = '';
      computeButton.disabled = !bundle;
    }
  }

  const TOP = 3;

  function driversTable(id: string, caption: string, list: Prediction['contributions'], maxAbs: number): HTMLElement {
    const vars = bundle?.variables ?? [];
    const rows = list.map((c) => h('tr', { 'data-name': c.name },
      h('th', { scope: 'row', title: c.name, text: readableInputName(c.name, vars) }),
      h('td', { class: 'num', text: readableNumber(c.value) }),
      h('td', { class: 'num' }, `${c.contribution >= 0 ? '+' : '−'}${fmt(Math.abs(100 * c.contribution), 1)} pts `,
        h('span', { class: `bar ${c.contribution >= 0 ? 'up' : 'down'}`, style: `width:${(4 * Math.abs(c.contribution)) / maxAbs}em`, 'aria-hidden': 'true' }))));
    return h('div', { class: 'table-wrap' }, h('table', { id },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Input' }), h('th', { scope: 'col', text: 'Value' }), h('th', { scope: 'col', text: 'Effect on risk' }))),
      h('tbody', {}, ...rows)));
  }

  function showResult(p: Prediction, reply: ExtractReply | null, sp: SurvivalPrediction | null = null): void {
    const high = p.class === 1;
    const maxAbs = Math.max(1e-12, ...p.contributions.map((c) => Math.abs(c.contribution)));
    const vars = bundle?.variables ?? [];
    // Warnings in words: the out-of-range inputs named readably, the extraction's own notes as they are.
    const ranges = p.outOfRange.map((o) => `${readableInputName(o.name, vars)} is ${readableNumber(o.value)}, ${o.value < o.min ? 'below' : 'above'} the training range (${readableNumber(o.min)} to ${readableNumber(o.max)}): the model extrapolates here.`);
    const warnings = [...ranges, ...(reply?.warnings ?? [])];
    const centre = p.centre ? ` Centre: ${p.centre.name}${p.centre.role === 'training' ? ' (training centre, features used as they are)' : p.centre.role === 'stored' ? ' (aligned with its stored parameters)' : ' (aligned with its reference set)'}.` : '';
    result.replaceChildren(...([
      h('p', { class: 'risk', id: 'risk', 'data-risk': String(p.risk), 'data-class': p.class, text: `${fmt(100 * p.risk, 1)}%` }),
      h('p', { id: 'risk-group' }, h('span', { class: high ? 'group-high' : 'group-low', text: high ? 'High-risk group' : 'Low-risk group' }),
        ` — ${p.model} model, threshold ${fmt(100 * p.threshold, 1)}% (risk${sp ? ` by ${sp.horizon} months` : ''} ${high ? '≥' : '<'} threshold).${centre}`),
      sp ? survivalPanel(sp) : null,
      driversTable('drivers', `Top ${Math.min(TOP, p.contributions.length)} drivers: change in risk (percentage points) when the input is set to its training mean`, p.contributions.slice(0, TOP), maxAbs),
      p.contributions.length > TOP ? h('details', { id: 'all-drivers-box' }, h('summary', { text: `All ${p.contributions.length} inputs` }), driversTable('all-drivers', 'Every input of the model, largest effect first', p.contributions, maxAbs)) : null,
      warnings.length ? h('details', { class: 'info', id: 'warnings' }, h('summary', {}, h('strong', { text: `${warnings.length} warning${warnings.length > 1 ? 's' : ''}` }), ` — ${warnings[0]!.length > 90 ? `${warnings[0]!.slice(0, 88)}…` : warnings[0]}`), h('ul', {}, ...warnings.map((w) => h('li', { text: w })))) : null,
    ].filter((x) => x !== null) as HTMLElement[]));
  }

  bundleInput.addEventListener('change', () => { const f = bundleInput.files?.[0]; if (f) void loadBundle(f); });
  modelSelect.addEventListener('change', () => { renderForm(); result.replaceChildren(h('p', { class: 'hint', text: 'The predicted risk appears here.' })); });
  centreSelect.addEventListener('change', () => { newCentreBox.hidden = centreSelect.value !== NEW_CENTRE; });
  centreRefInput.addEventListener('change', () => { const f = centreRefInput.files?.[0]; if (f) void loadCentreReference(f); });
  imageInput.addEventListener('change', () => { const f = imageInput.files?.[0]; if (f) void loadImage(f); });
  tumourInput.addEventListener('change', () => { const f = tumourInput.files?.[0]; if (f) void loadMask(f, 'tumour'); });
  parenchymaInput.addEventListener('change', () => { const f = parenchymaInput.files?.[0]; if (f) void loadMask(f, 'parenchyma'); });
  for (const r of [modeFile, modeDraw]) r.addEventListener('change', () => {
    fileBox.hidden = drawMode();
    drawBox.hidden = !drawMode();
    if (!drawMode()) setDrawing(false);
    refreshRegions();
  });
  drawButton.addEventListener('click', () => {
    clearError();
    if (!image) { showError('load the ultrasound image first, then draw the outline on it.'); return; }
    setDrawing(!view.drawing);
  });
  undoButton.addEventListener('click', () => { view.points.pop(); syncPointsText(); view.render(); if (!view.drawing) outlineFromPoints(); });
  clearButton.addEventListener('click', () => { view.points = []; syncPointsText(); outline = null; outlineInfo.textContent = ''; view.render(); refreshRegions(); });
  view.onPointsChanged = () => { syncPointsText(); outlineInfo.textContent = `${view.points.length} point(s)`; };
  pointsArea.addEventListener('change', () => {
    clearError();
    const pts: Array<[number, number]> = [];
    for (const line of pointsArea.value.split(/[\n;]+/)) {
      if (!line.trim()) continue;
      const m = line.split(/[\s,]+/).filter(Boolean).map(Number);
      if (m.length !== 2 || !m.every(Number.isFinite)) { showError(`outline point “${line.trim()}” is not “x,y”; write one point per line, e.g. 120,85.`); return; }
      pts.push([m[0]!, m[1]!]);
    }
    view.points = pts;
    if (!view.drawing) outlineFromPoints(); else view.render();
  });
  computeButton.addEventListener('click', () => void compute());
  refreshState();
}
