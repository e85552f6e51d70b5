import { Icon } from './Icon';

/** The demo-mode note under the header; plain props so the sign-in page can draw it without i18next. */
export function DemoNote({ label, text }: { label: string; text: string }) {
  return (
    <div className="demo-banner" role="note" aria-label={label}>
      <Icon name="info" size={20} className="demo-banner__icon" />
      <p>{text}</p>
    </div>
  );
}
