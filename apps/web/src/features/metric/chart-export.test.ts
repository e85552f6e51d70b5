import { describe, expect, it } from 'vitest';
import { chartFileName, exportUrl, standaloneChartSvg, TITLE_HEIGHT } from './chart-export';

describe('exportUrl', () => {
  it('points at the server export for the metric and unit, with the query encoded', () => {
    expect(exportUrl('csv', 'manager_sick_leave', 'soc')).toBe('/api/export/values.csv?metric=manager_sick_leave&unit=soc');
    expect(exportUrl('xlsx', 'staff_turnover', 'a b&c')).toBe('/api/export/values.xlsx?metric=staff_turnover&unit=a+b%26c');
  });
});

describe('chartFileName', () => {
  it('is ASCII-safe', () => {
    expect(chartFileName('Sjukfrånvaro bland chefer', 'Socialförvaltningen', 'png')).toBe(
      'sjukfranvaro-bland-chefer_socialforvaltningen.png',
    );
  });
});

describe('standaloneChartSvg', () => {
  const chart = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="600" height="320"><path d="M0 0"/></svg>';
  const { markup: svg, width, height } = standaloneChartSvg(chart, { width: 600, height: 320 }, {
    title: 'Sjukfrånvaro bland chefer – Enhet <A> & "B"',
    source: 'Källa: Tillit',
  });

  it('adds room for the title, a background and the source, and keeps the chart', () => {
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${320 + TITLE_HEIGHT}"`));
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).toContain('Källa: Tillit');
    expect(svg).toContain('<path d="M0 0"/>');
    expect(svg).not.toContain('<?xml');
    expect([width, height]).toEqual([600, 320 + TITLE_HEIGHT]);
  });

  it('escapes the title so that names cannot break the markup', () => {
    expect(svg).toContain('Enhet &lt;A&gt; &amp; &quot;B&quot;');
    expect(svg).not.toContain('<A>');
  });
});
