import { type ReactNode, useEffect, useRef, useState } from "react";

interface TableWrapProps {
  /** Names the scrollable region, usually the table's caption text. */
  label: string;
  children: ReactNode;
}

/**
 * Lets a wide table scroll sideways on small screens. When it does scroll, the wrapper
 * becomes a named, focusable region so that keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: TableWrapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  if (!scrolls) {
    return (
      <div ref={ref} className="table-wrap">
        {children}
      </div>
    );
  }
  // Same element type in both branches: React keeps the node and only updates its attributes.
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: the scrollable-region pattern (a named region reachable by keyboard); a <section> would remount the table.
    <div ref={ref} className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
