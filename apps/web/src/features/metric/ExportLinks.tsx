import type { Metric, UnitTreeNode } from '@tillit/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { chartFileName, exportUrl, standaloneChartSvg, svgDataUrl } from './chart-export';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The chart as a PNG: the SVG is drawn onto a canvas from a data: URL. The Content-Security-Policy
 * allows images from `data:` but not `blob:`, and a data: URL leaves the canvas exportable.
 */
async function toPng(svgMarkup: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('SVG could not be drawn'));
    image.src = svgDataUrl(svgMarkup);
  });
  // Twice the size, so that the picture stays sharp in a report or on a slide.
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas');
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG could not be made'))), 'image/png'),
  );
}

/** Downloads of the trend: the figures from the server (suppression applied there), the chart as a picture. */
export function ExportLinks({ metric, unit }: { metric: Metric; unit: Pick<UnitTreeNode, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const name = metric.name[language];

  const saveChart = async (kind: 'svg' | 'png') => {
    // The chart of this section: the trend chart the links sit under.
    const chart = ref.current?.closest('section')?.querySelector<SVGSVGElement>('.trend-chart__canvas svg.recharts-surface');
    if (!chart) {
      setMessage(t('export.chartNotReady'));
      return;
    }
    const box = chart.getBoundingClientRect();
    const { markup, width, height } = standaloneChartSvg(
      new XMLSerializer().serializeToString(chart),
      { width: box.width, height: box.height },
      { title: `${name} – ${unit.name}`, source: t('export.source') },
    );
    try {
      const blob =
        kind === 'svg'
          ? new Blob([markup], { type: 'image/svg+xml;charset=utf-8' })
          : await toPng(markup, width, height);
      download(blob, chartFileName(name, unit.name, kind));
      setMessage(null);
    } catch {
      setMessage(t('export.failed'));
    }
  };

  return (
    <div ref={ref} className="export-links" role="group" aria-label={t('export.label')} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginTop: '1rem' }}>
      <a className="button button--secondary button--small" href={exportUrl('csv', metric.key, unit.id)} download>
        {t('export.csv')}
      </a>
      <a className="button button--secondary button--small" href={exportUrl('xlsx', metric.key, unit.id)} download>
        {t('export.xlsx')}
      </a>
      <button type="button" className="button button--secondary button--small" onClick={() => void saveChart('svg')}>
        {t('export.svg')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => void saveChart('png')}>
        {t('export.png')}
      </button>
      <p role="status" className="export-links__status">
        {message}
      </p>
    </div>
  );
}
