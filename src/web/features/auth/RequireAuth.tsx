import type { ReactNode } from "react";
import { Navigate, type Params, useLocation, useParams } from "react-router";
import type { CurrentUser } from "../../../core/accounts/accounts.types.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { NotFoundPage } from "../../routes/NotFoundPage.tsx";
import { useCurrentUser } from "./useCurrentUser.ts";

interface RequireAuthProps {
  /** Who may see the page; others get the "not found" page, never a "forbidden" one. */
  allow?: (user: CurrentUser, params: Readonly<Params<string>>) => boolean;
  children: ReactNode;
}

/** Sends anonymous visitors to the sign-in page, then back here once signed in. */
export function RequireAuth({ allow, children }: RequireAuthProps) {
  const { user, isPending, error, refetch } = useCurrentUser();
  const location = useLocation();
  const params = useParams();

  if (isPending) return <Loading />;
  if (error && !user) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (allow && !allow(user, params)) return <NotFoundPage />;
  return children;
}
