/**
 * Applies the EHR's SMART style (smart_style_url) to our theme tokens, so PRO looks like part of the EOJ.
 * Only colours, radius and font family: a style file can never change layout or hide anything.
 */
const MAP: Record<string, string> = {
  color_highlight: '--kpro-theme-primary',
  color_text: '--kpro-theme-text',
  color_background: '--kpro-theme-surface',
  color_error: '--kpro-theme-error',
  color_success: '--kpro-theme-success',
  dim_border_radius: '--kpro-theme-radius',
  font_family_body: '--kpro-theme-font-family',
};

const SAFE = /^[#(),.%\w\s'"-]{1,80}$/;

export async function applySmartStyle(target: HTMLElement, url: string): Promise<void> {
  try {
    const res = await fetch(url, { credentials: 'omit' });
    if (!res.ok) return;
    const style = (await res.json()) as Record<string, unknown>;
    for (const [key, prop] of Object.entries(MAP)) {
      const v = style[key];
      if (typeof v === 'string' && SAFE.test(v) && !/url\(|expression/i.test(v)) target.style.setProperty(prop, v);
    }
  } catch {
    /* the default theme stays */
  }
}
