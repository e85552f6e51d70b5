/**
 * The product's mark and name. Plain props, no i18next: the sign-in page (its own small entry)
 * draws it too.
 */
export function BrandLogo({ name, tagline }: { name: string; tagline: string }) {
  return (
    <>
      <svg aria-hidden="true" viewBox="0 0 32 32" width="30" height="30" className="brand__mark">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 10h14M16 10v14" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">{name}</span>
        <span className="brand__tagline">{tagline}</span>
      </span>
    </>
  );
}
