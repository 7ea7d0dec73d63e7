/** Plain server-rendered HTML for the hosted pages: one layout, escaped values, works on a phone. */
import type { Response } from 'express';

export function escapeHtml(value: unknown): string {
  let text = '';
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    text = value.toString();
  else if (value !== null && value !== undefined) text = JSON.stringify(value) ?? '';
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Marks a string as already-escaped HTML. */
export interface Html {
  html: string;
}
export const raw = (html: string): Html => ({ html });

/** Tagged template that escapes every interpolated value unless it is Html (or an array of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    if (Array.isArray(value)) out += value.map((v) => (isHtml(v) ? v.html : escapeHtml(v))).join('');
    else out += isHtml(value) ? value.html : escapeHtml(value);
    out += strings[i + 1] ?? '';
  });
  return { html: out };
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && typeof (value as Html).html === 'string';
}

const STYLE = `
  *{box-sizing:border-box} body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6f8;color:#1c2430}
  main{max-width:480px;margin:0 auto;padding:24px 16px}
  .card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:16px}
  h1{font-size:1.4rem;margin:0 0 12px} .muted{color:#5b6675;font-size:.9rem} .amount{font-size:2rem;font-weight:700;margin:8px 0}
  label{display:block;margin:12px 0 4px;font-weight:600} input,select{width:100%;padding:12px;border:1px solid #c8d0da;border-radius:8px;font-size:1rem}
  button{width:100%;padding:14px;margin-top:12px;border:0;border-radius:8px;font-size:1rem;font-weight:600;cursor:pointer}
  .primary{background:#0b5cff;color:#fff} .danger{background:#fde8e8;color:#a11} .secondary{background:#e9edf2;color:#1c2430}
  .banks{list-style:none;padding:0;margin:0} .banks li{margin:6px 0} .banks label{display:flex;gap:10px;align-items:center;font-weight:500;padding:10px;border:1px solid #e1e6ec;border-radius:8px}
  .banks input{width:auto} .status{font-size:1.2rem;font-weight:700} .ok{color:#0a7a3b} .bad{color:#a11}
  .sandbox{background:#fff4e5;color:#8a4b00;padding:8px 12px;border-radius:8px;font-size:.85rem;margin-bottom:12px}
`;

export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<div class="sandbox">AcountPay mock: sandbox page, no real money moves.</div>
${body.html}
</main></body>
</html>`;
}

/** The one way a page is answered: its status and the whole HTML document. */
export function sendPage(res: Response, status: number, document: string): void {
  res.status(status).type('html').send(document);
}
