import type { FastifyInstance } from 'fastify';

/**
 * The web app's Content Security Policy. Scripts only from the app's own files (the Vite build has no inline
 * script); styles also inline, because React, Leaflet and ECharts set style attributes; images from the app, `data:`
 * and `blob:` URLs (icons, charts exported as images) and the OpenStreetMap tiles of the maps; no plugin, no framing
 * by another site, forms and fetches to the app only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://*.tile.openstreetmap.org",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browsers' PDF viewers are plugins that a policy without plugins blocks: a PDF only refuses to be framed. */
const pdfPolicy = "frame-ancestors 'none'";

/**
 * A downloaded HTML document (the personal-data export), once opened from the app's origin: it holds people's data
 * and needs nothing but its own inline stylesheet, so nothing else may load, run or be sent, and nobody may frame it.
 */
export const downloadedHtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const isAttachment = (disposition: unknown) => String(disposition ?? '').startsWith('attachment');

function policyFor(contentType: string, disposition: unknown): string {
  if (contentType.startsWith('application/pdf')) return pdfPolicy;
  if (contentType.startsWith('text/html') && isAttachment(disposition)) return downloadedHtmlPolicy;
  return contentSecurityPolicy;
}

/** Two years, subdomains included: the value browsers' preload lists ask for. */
const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

const sameOnEveryAnswer: Record<string, string> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Security headers on every answer (API, web app, static files, errors), HSTS when the request came over HTTPS
 * (directly, or through a proxy trusted by TRUST_PROXY).
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(sameOnEveryAnswer);
    // Chosen here for every answer from its type and disposition: no route sets a policy of its own.
    const type = String(reply.getHeader('content-type') ?? '');
    reply.header('content-security-policy', policyFor(type, reply.getHeader('content-disposition')));
    // request.protocol reads X-Forwarded-Proto only from a trusted proxy: a client cannot ask for HSTS over HTTP.
    if (request.protocol === 'https') reply.header('strict-transport-security', strictTransportSecurity);
    return payload;
  });
}
