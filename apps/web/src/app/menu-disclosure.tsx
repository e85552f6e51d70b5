import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The menu folds behind a button on narrow screens (a disclosure: the button says whether it is
 * open, Escape closes it and gives the button focus back), so that the page itself starts in
 * the first screen. It closes when `place` changes (the app passes the path and query, so
 * following a link closes it). No router here: the summary's own entry uses it too.
 */
export function useMenuDisclosure(place: string) {
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [place]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen) return;
    setOpen(false);
    button.current?.focus();
  };
  return { isOpen, toggle: () => setOpen((o) => !o), button, onKeyDown };
}

/** The button that opens and closes the menu's panel (shown on narrow screens only, by CSS). */
export function MenuToggle({ menu, panelId }: { menu: ReturnType<typeof useMenuDisclosure>; panelId: string }) {
  const { t } = useTranslation();
  return (
    <button ref={menu.button} type="button" className="menu-toggle" aria-expanded={menu.isOpen} aria-controls={panelId} onClick={menu.toggle}>
      <svg className="menu-toggle__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <path d={menu.isOpen ? 'M5 5l10 10M15 5L5 15' : 'M3 5h14M3 10h14M3 15h14'} />
      </svg>
      {t('menu.open')}
    </button>
  );
}
