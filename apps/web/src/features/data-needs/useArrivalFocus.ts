import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** What the person does that says they have taken over the scrolling. */
const TAKE_OVER = ['wheel', 'touchmove', 'pointerdown'] as const;

/**
 * Arriving by `#anchor` (the overview's "Vilka data behöver du?" link) puts the cursor in the text
 * box and keeps the box on the screen while the page loads above it. The charts, the comparison
 * and the notes arrive after the box has been placed and push it down by hundreds of pixels
 * (scroll anchoring does not help at the top of a page), so people typed their question into the
 * note form instead. The hold ends when the box loses focus or the person scrolls or clicks.
 */
export function useArrivalFocus(ref: RefObject<HTMLElement | null>, anchor: string | undefined): void {
  const { hash } = useLocation();
  const isArrival = anchor !== undefined && hash === `#${anchor}`;
  useEffect(() => {
    const element = ref.current;
    if (!isArrival || !element) return;
    // The question's section (heading, prompt, box, button) at the top of the screen, so the note
    // form above it is out of sight; the form or the box alone where there is no section.
    const target = element.closest('section') ?? element.closest('form') ?? element;
    const reveal = () => {
      if (document.activeElement === element) target.scrollIntoView({ block: 'start' });
    };
    // After the layout has moved focus to the main content on navigation (it runs after this).
    const frame = requestAnimationFrame(() => {
      element.focus({ preventScroll: true });
      reveal();
    });
    const observer = new ResizeObserver(reveal);
    observer.observe(document.body);
    const stop = () => {
      observer.disconnect();
      for (const type of TAKE_OVER) window.removeEventListener(type, stop, true);
      element.removeEventListener('blur', stop);
    };
    for (const type of TAKE_OVER) window.addEventListener(type, stop, { capture: true, passive: true });
    element.addEventListener('blur', stop);
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [ref, isArrival]);
}
