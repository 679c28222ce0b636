// In-page side of the bench: loads one renderer and times it. run.mjs calls these through page.evaluate.
import { GATE_LINK_ID, gatedLinkIds, generateQuestionnaire } from './questionnaire.js';

/** Resolves after the next frame has been painted: rAF runs before paint, a posted message after it. */
const nextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );

/** One adapter per renderer: how to create it, feed it and find what it rendered. */
const RENDERERS = {
  async kpro() {
    await import('/packages/elements/dist/kpro-elements.js');
    await customElements.whenDefined('kpro-questionnaire');
    return {
      create: () => document.createElement('kpro-questionnaire'),
      feed: (el, q) => {
        el.questionnaire = q;
      },
      settled: (el) => el.updateComplete,
      root: (el) => el.shadowRoot,
    };
  },
  async vanilla() {
    const { renderVanilla } = await import('./vanilla.js');
    return {
      create: () => document.createElement('div'),
      feed: (el, q) => renderVanilla(el, q),
      settled: () => undefined,
      root: (el) => el,
    };
  },
};

/**
 * A fresh page pays once for the first paint of each kind of native control (theme parts, date field
 * internals). Paid here for both renderers alike, with plain DOM, so the timings are of the renderers.
 */
async function warmNativeControls() {
  const div = document.createElement('div');
  div.innerHTML = `<fieldset><legend>x</legend><label>x <input></label><input type="number"><input type="checkbox">
    <input type="date"><input type="radio" name="w"><input type="radio" name="w"><textarea></textarea></fieldset>`;
  document.body.append(div);
  await nextPaint();
  div.remove();
  await nextPaint();
}

let renderer;
let el;
let questionnaire;
let size;

const item = (linkId) => renderer.root(el)?.querySelector(`[data-link-id="${linkId}"]`);
const visible = (linkId) => item(linkId)?.checkVisibility() ?? false;
const itemCount = () => renderer.root(el)?.querySelectorAll('[data-link-id]').length ?? 0;

/**
 * Waits for the renderer to settle and a frame to paint, until `ready()` holds, so a renderer that finishes
 * its work in later tasks is timed to when the result is on screen, not to its first frame. If it stops
 * changing (the item count is the same two frames running) before `ready()`, e.g. a paged renderer, the time
 * of the frame of its last change is taken and `complete` is false. Returns the painted time.
 */
async function paintedWhen(ready) {
  const deadline = performance.now() + 10000;
  let previous = -1;
  let changedAt = 0;
  for (;;) {
    await renderer.settled(el);
    await nextPaint();
    const now = performance.now();
    if (ready()) return { t: now, complete: true };
    const count = itemCount();
    if (count > 0 && count === previous) return { t: changedAt, complete: false };
    if (count !== previous) [previous, changedAt] = [count, now];
    if (now > deadline) return { t: now, complete: false };
  }
}

function yesRadio() {
  const radios = [...(item(GATE_LINK_ID)?.querySelectorAll('input[type=radio]') ?? [])];
  const label = (r) => `${r.value} ${r.labels?.[0]?.textContent ?? ''} ${r.closest('label')?.textContent ?? ''}`;
  return radios.find((r) => /\b(yes|ja|y)\b/i.test(label(r))) ?? radios[0];
}

window.kproBench = {
  /** Loads the renderer and generates the questionnaire, outside any timing. */
  async prepare(name, n) {
    renderer = await RENDERERS[name]();
    size = n;
    questionnaire = generateQuestionnaire(n);
    await warmNativeControls();
    el = renderer.create();
    document.getElementById('host').append(el);
    await renderer.settled(el);
    await nextPaint();
  },
  /** Milliseconds from handing over the questionnaire to the painted frame that shows all of it. */
  async mount() {
    const last = questionnaire.item.at(-1).item.filter((i) => !i.enableWhen).at(-1).linkId;
    const t0 = performance.now();
    renderer.feed(el, questionnaire);
    const { t, complete } = await paintedWhen(() => visible(last));
    return { ms: t - t0, complete, items: itemCount() };
  },
  /** Milliseconds from one click on the gate's "Yes" to the painted frame that shows the gated questions. */
  async reveal() {
    const gated = gatedLinkIds(size);
    const radio = yesRadio();
    if (!radio) return { ms: NaN, complete: false, error: `no radio in [data-link-id="${GATE_LINK_ID}"]` };
    const t0 = performance.now();
    radio.click();
    const { t, complete } = await paintedWhen(() => visible(gated[0]) && visible(gated.at(-1)));
    return { ms: t - t0, complete, items: itemCount() };
  },
};
window.kproBenchReady = true;
