import { Suspense } from "react";
import { Outlet } from "react-router";
import { PageLoading } from "../components/PageLoading.tsx";

/**
 * Where the pages appear. Their code loads on first visit (see lazy-pages.ts); until it arrives, the
 * main area says so. A later navigation keeps the current page on screen while the next one loads.
 */
export function LazyOutlet() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}
