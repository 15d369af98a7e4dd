import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

interface PageHeadingProps {
  /** The page title, also used for `document.title`. */
  title: string;
  /** Shown instead of the title when the heading needs more than text. */
  children?: ReactNode;
  /** Take the focus when shown even without a navigation, e.g. when a result replaces a form. */
  takeFocus?: boolean;
}

/**
 * The `<h1>` of a page. Sets `document.title` to "<title> · Sceau" and, after a navigation
 * inside the app (not on the first load), moves the keyboard focus to itself so that screen
 * reader users hear where they arrived.
 */
export function PageHeading({ title, children, takeFocus = false }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef<string | null>(null);
  const location = useLocation();
  const { t } = useTranslation();
  const product = t("layout.productName");

  useEffect(() => {
    document.title = `${title} · ${product}`;
  }, [title, product]);

  useEffect(() => {
    if (focusedFor.current === location.pathname) return;
    if (location.key === "default" && !takeFocus) return;
    focusedFor.current = location.pathname;
    ref.current?.focus();
  }, [location.key, location.pathname, takeFocus]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
