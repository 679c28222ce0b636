// Small helpers shared by the sandbox's HTTP handlers (plain node:http, no framework).

/** Request bodies larger than this are refused (413); SANDBOX_MAX_BODY_BYTES or `maxBodyBytes` changes it. */
export const DEFAULT_MAX_BODY_BYTES = 2 ** 20;

/** Past this the rest of an oversized body is not even read: the connection is closed. */
const DRAIN_LIMIT = 32 * 2 ** 20;

/**
 * Reads a request body of at most `limit` bytes. A larger one rejects with `status: 413` as soon as it is
 * known (Content-Length, or the bytes so far); the rest is read and thrown away so the answer reaches the
 * client, up to a point.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export function readBody(req, limit = DEFAULT_MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => Object.assign(new Error(`The request body is larger than ${limit} bytes`), { status: 413 });
    const chunks = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      reject(tooLarge());
    };
    if (Number(req.headers['content-length']) > limit) refuse();
    req.on('data', (chunk) => {
      size += chunk.length;
      if (refused) {
        if (size > DRAIN_LIMIT) req.destroy();
      } else if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
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

/** Cookies of a request as an object. @param {import('node:http').IncomingMessage | { headers: Record<string, unknown> }} req */
export function parseCookies(req) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}
