import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline';

describe('sparklineGeometry', () => {
  it('draws one line through consecutive values, highest at the top', () => {
    const g = sparklineGeometry(
      [
        { year: 2019, value: 4 },
        { year: 2020, value: 2 },
        { year: 2021, value: 3 },
      ],
      106,
      26,
    );
    expect(g.paths).toEqual(['M3 3 L53 23 L103 13']);
    expect(g.dots).toEqual([]);
    expect(g.last).toEqual({ x: 103, y: 13 });
  });

  it('breaks the line at a hidden year and dots a lone value', () => {
    const g = sparklineGeometry(
      [
        { year: 2019, value: 1 },
        { year: 2020, value: 2 },
        { year: 2021, value: null },
        { year: 2022, value: 3 },
        { year: 2023, value: null },
      ],
      46,
      26,
    );
    expect(g.paths).toEqual(['M3 23 L13 13']);
    expect(g.dots).toEqual([{ x: 33, y: 3 }]);
    expect(g.last).toEqual({ x: 33, y: 3 });
  });

  it('puts a flat series in the middle', () => {
    const g = sparklineGeometry(
      [
        { year: 2020, value: 5 },
        { year: 2021, value: 5 },
      ],
      20,
      20,
    );
    expect(g.paths).toEqual(['M3 10 L17 10']);
  });

  it('draws nothing without values', () => {
    expect(sparklineGeometry([{ year: 2020, value: null }], 20, 20)).toEqual({ paths: [], dots: [], last: null });
    expect(sparklineGeometry([], 20, 20)).toEqual({ paths: [], dots: [], last: null });
  });
});
