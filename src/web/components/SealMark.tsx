/** The product's mark: a wax seal, drawn in SVG. Decorative: the name next to it says what it is. */
export function SealMark({ className = "seal-mark" }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path
        className="seal-mark-edge"
        d="M16 1.5l2.6 2.1 3.3-.6 1.5 3 3.1 1.4-.5 3.3 2.1 2.6-2.1 2.6.5 3.3-3.1 1.4-1.5 3-3.3-.6L16 30.5l-2.6-2.1-3.3.6-1.5-3-3.1-1.4.5-3.3L3.9 18.7 6 16.1l-2.1-2.6 2.1-2.6-.5-3.3 3.1-1.4 1.5-3 3.3.6z"
      />
      <circle className="seal-mark-ring" cx="16" cy="16" r="9.5" />
      <path
        className="seal-mark-letter"
        d="M19.6 12.4c-.8-1-2-1.6-3.5-1.6-2 0-3.4 1.1-3.4 2.6 0 3.5 7 1.9 7 5.4 0 1.6-1.5 2.7-3.6 2.7-1.6 0-3-.7-3.8-1.8"
      />
    </svg>
  );
}
