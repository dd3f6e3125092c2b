import type { PreviewBoot } from './browser/preview-boot.ts';

/** JSON that is safe inside a <script> element: no "</script>", no HTML comment openers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const titles: Record<PreviewBoot['view'], string> = {
  index: 'Companies',
  company: 'Company',
  settings: 'Settings',
  home: 'App home',
};

/** The host page: the boot data, the Canvas styles and the one bundle that renders the view. */
export function renderHostPage(boot: PreviewBoot, bundleVersion: string): string {
  const title = boot.company?.name ?? titles[boot.view];
  return `<!doctype html>
<html lang="${boot.language === 'pt-BR' ? 'pt-BR' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Harbor preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview/assets/canvas.css?v=${bundleVersion}">
</head>
<body>
<div id="preview-root"></div>
<script>window.__HARBOR_PREVIEW__ = ${scriptJson(boot)};</script>
<script type="module" src="/preview/assets/preview.js?v=${bundleVersion}"></script>
</body>
</html>
`;
}
