const PATHS = {
  up: 'M10 16V4M5 9l5-5 5 5',
  down: 'M10 4v12M5 11l5 5 5-5',
  flat: 'M4 10h12M12 6l4 4-4 4',
  check: 'M4 10.5l4 4 8-9',
  cross: 'M5 5l10 10M15 5L5 15',
  hidden: 'M3 3l14 14M8.6 8.7a2 2 0 0 0 2.8 2.8M6 6.2C4.4 7.3 3.2 8.7 2.5 10c1.4 2.7 4.3 5 7.5 5 1.3 0 2.6-.4 3.7-1M9 5.1c.3 0 .7-.1 1-.1 3.2 0 6.1 2.3 7.5 5-.4.8-1 1.6-1.6 2.3',
  info: 'M10 9v5M10 6v.5',
  question: 'M7.5 7.5a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1v.8M10 14.5v.5',
  arrowLeft: 'M16 10H4M9 5l-5 5 5 5',
  arrowRight: 'M4 10h12M11 5l5 5-5 5',
} as const;

export type IconName = keyof typeof PATHS;

const CIRCLED: ReadonlySet<IconName> = new Set(['info', 'question']);

/** A decorative line icon; the text next to it carries the meaning. */
export function Icon({ name, size = 18, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width={size} height={size} className={className ? `icon ${className}` : 'icon'}>
      {CIRCLED.has(name) && <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.8" />}
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
