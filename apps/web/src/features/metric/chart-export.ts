import { exportFileName } from '@tillit/domain';

export type ExportKind = 'csv' | 'xlsx';

/** Where the server's export of a unit's series is; the session cookie goes along with a plain link. */
export function exportUrl(kind: ExportKind, metricKey: string, unitId: string): string {
  const query = new URLSearchParams({ metric: metricKey, unit: unitId });
  return `/api/export/values.${kind}?${query.toString()}`;
}

/** `sjukfranvaro-bland-chefer_socialforvaltningen.svg` */
export function chartFileName(metricName: string, unitName: string, extension: 'svg' | 'png'): string {
  return exportFileName([metricName, unitName], extension);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export const TITLE_HEIGHT = 56;

/**
 * A chart's serialised `<svg>` as a file that stands on its own: a white background, a title
 * with the metric and unit, the source line, and a font (the page's CSS does not come along).
 */
export function standaloneChartSvg(
  chartSvg: string,
  size: { width: number; height: number },
  text: { title: string; source: string },
): { markup: string; width: number; height: number } {
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height)) + TITLE_HEIGHT;
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '');
  const markup = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="16" font-weight="bold" fill="#1a1a1a">${escapeXml(text.title)}</text>`,
    `<text x="8" y="42" font-size="12" fill="#525c66">${escapeXml(text.source)}</text>`,
    `<g transform="translate(0 ${TITLE_HEIGHT})">${inner}</g>`,
    `</svg>`,
  ].join('');
  return { markup, width, height };
}

/** An SVG document as a `data:` URL, which the Content-Security-Policy lets an image load. */
export function svgDataUrl(svgMarkup: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgMarkup)}`;
}
