import { describe, expect, it } from 'vitest';
import { targetLabelPosition } from './trend-layout';

const data = (...values: (number | null)[]) => values.map((value, i) => ({ year: 2019 + i, value, note: null }));

describe('targetLabelPosition', () => {
  it('goes to the end farthest from the target, on the other side of the line', () => {
    // (For a line, recharts hangs `insideTop…` text below it and stands `insideBottom…` text on it.)
    // Falling from well above the target to just under it: left, below the line.
    expect(targetLabelPosition(data(3.4, 3.6, 2.4, 2.1), { min: null, max: 2.5 })).toBe('insideTopLeft');
    // Rising from well below: left, above the line.
    expect(targetLabelPosition(data(28, 35, 48, 52), { min: 50, max: null })).toBe('insideBottomLeft');
    // Ending far above: right, below the line.
    expect(targetLabelPosition(data(5.2, null, 9), { min: null, max: 5 })).toBe('insideTopRight');
  });

  it('falls back to the top right without values', () => {
    expect(targetLabelPosition(data(null, null), { min: null, max: 5 })).toBe('insideTopRight');
  });
});
