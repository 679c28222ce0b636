// Shared look of the server-rendered pages (EOJ simulator, log-in and consent): a plain municipal
// EHR, system fonts, no framework, no external resources.
import { escapeHtml } from './http-util.mjs';

export const EOJ_STYLE = {
  color_background: '#f4f6f8',
  color_error: '#b3261e',
  color_highlight: '#1f5f8b',
  color_modal_backdrop: 'rgba(0, 0, 0, 0.4)',
  color_success: '#2e7d32',
  color_text: '#1c2430',
  dim_border_radius: '4px',
  dim_font_size: '15px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:${EOJ_STYLE.dim_font_size}/1.45 ${EOJ_STYLE.font_family_body};color:${EOJ_STYLE.color_text};background:${EOJ_STYLE.color_background}}
header.eoj{display:flex;align-items:center;gap:16px;padding:8px 16px;background:#24384f;color:#fff}
header.eoj .brand{font-weight:600;letter-spacing:.02em}
header.eoj .note{font-size:12px;opacity:.8}
header.eoj form{margin-left:auto;display:flex;gap:8px;align-items:center}
main{padding:16px;max-width:1200px}
h1{font-size:20px;margin:0 0 12px}
h2{font-size:16px;margin:16px 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #c9d1da}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e1e6eb}
th{background:#e8edf2;font-weight:600;font-size:13px}
tr.citizen{cursor:pointer}
tr.citizen:hover{background:#eef4fa}
tr.citizen:has(input:checked){background:#dcebf7}
.panel{background:#fff;border:1px solid #c9d1da;border-radius:${EOJ_STYLE.dim_border_radius};padding:12px 16px;margin:12px 0}
.row{display:flex;flex-wrap:wrap;gap:16px;align-items:end}
label.field{display:flex;flex-direction:column;gap:4px;font-size:13px}
select,button,input[type=text]{font:inherit;padding:5px 8px;border:1px solid #8a98a8;border-radius:${EOJ_STYLE.dim_border_radius};background:#fff}
button.primary{background:${EOJ_STYLE.color_highlight};border-color:${EOJ_STYLE.color_highlight};color:#fff;font-weight:600;padding:6px 16px}
button.danger{border-color:${EOJ_STYLE.color_error};color:${EOJ_STYLE.color_error}}
.banner{display:flex;gap:24px;align-items:baseline;background:#fff8e1;border:1px solid #e0c46c;padding:8px 16px}
.banner .name{font-weight:600;font-size:17px}
.muted{color:#5b6775;font-size:13px}
.error{color:${EOJ_STYLE.color_error}}
iframe#pro-frame{width:100%;height:calc(100vh - 170px);min-height:520px;border:1px solid #c9d1da;background:#fff}
code{font-size:13px}
ul.scopes{margin:4px 0 12px;padding-left:20px;font-family:ui-monospace,monospace;font-size:13px}
`;

/**
 * @param {{ title: string, body: string, header?: string }} page
 */
let testTime = '';
/** Shows on every page that the sandbox runs on a test start time (SANDBOX_NOW), or stops showing it. */
export function markTestTime(start = '') {
  testTime = start;
}

export function layout({ title, body, header = '' }) {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="eoj"><span class="brand">Testkommune EOJ</span><span class="note">Simulator til udvikling. Alle data er fiktive.</span>${testTime ? `<span class="note" data-testid="test-time">Testtid fra ${escapeHtml(testTime)}</span>` : ''}${header}</header>
<main>
${body}
</main>
</body>
</html>`;
}
