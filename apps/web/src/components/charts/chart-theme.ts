/**
 * Colours for SVG presentation attributes, which cannot read CSS variables reliably. They
 * mirror the variables in styles.css and meet 3:1 against white for graphical objects.
 */
export const CHART_THEME = {
  line: '#1d4f73',
  target: '#8a4b08',
  targetFill: '#f6ead9',
  grid: '#dfe3e8',
  axis: '#525c66',
  marker: '#6b7580',
  /** Notes (annotations): a colour no other mark uses, with white numbers on it (7:1). */
  note: '#9c2a6d',
  noteFill: '#f8e8f1',
  /** Reference series (another population's published figure): dashed, grey, 7:1. */
  reference: '#4a5560',
  font: 'inherit',
} as const;
