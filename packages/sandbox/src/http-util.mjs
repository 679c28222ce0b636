// Small helpers shared by the sandbox's HTTP handlers (plain node:http, no framework).

const MAX_BODY = 20 * 1024 * 1024;

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A form body as an object; repeated names become arrays (`identifier=a&identifier=b`).
 * @param {string} text
 * @returns {Record<string, string | string[]>}
 */
export function parseForm(text) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @param {string} [contentType]
 */
export function sendJson(res, status, body, headers = {}, contentType = 'application/json; charset=utf-8') {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} html
 * @param {Record<string, string>} [headers]
 */
export function sendHtml(res, status, html, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(html);
}

/** @param {import('node:http').ServerResponse} res @param {string} location @param {number} [status] */
export function redirect(res, location, status = 303) {
  res.writeHead(status, { location, 'content-length': '0' });
  res.end();
}

/** Escapes text for HTML element content and attribute values. @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** `http://127.0.0.1:8080` for the host the browser used (the server only answers loopback hosts). */
export function originOf(req) {
  return `http://${req.headers.host}`;
}
