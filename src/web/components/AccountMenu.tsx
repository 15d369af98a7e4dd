import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import { useSignOut } from "../features/auth/useSignOut.ts";

/** A disclosure in the header with the user's name: their account page and "Sign out". */
export function AccountMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const signOut = useSignOut();

  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="header-link account-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t("layout.accountMenu")} </span>
        <span className="account-menu-name">{user.displayName || user.email}</span>
        <span className="account-menu-caret" aria-hidden="true" />
      </button>
      <div id={panelId} className="account-menu-panel" hidden={!open}>
        <p className="account-menu-email">{user.email}</p>
        <Link to="/account" className="account-menu-item">
          {t("layout.yourAccount")}
        </Link>
        <button
          type="button"
          className="account-menu-item"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t("layout.signOut")}
        </button>
      </div>
    </div>
  );
}
