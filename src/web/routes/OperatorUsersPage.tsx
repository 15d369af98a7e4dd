import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { queryKeys } from "../api/query-keys.ts";
import { disableUser, enableUser, listUsers } from "../api/users.ts";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { TextField } from "../components/TextField.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { UsersTable } from "../features/users/UsersTable.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";

/** The operator's list of accounts, searchable, with disable / enable. */
export function OperatorUsersPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const users = useQuery({
    queryKey: queryKeys.userPage(q, page),
    queryFn: () => listUsers({ q, page }),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: ({ id, enable }: { id: string; enable: boolean }) =>
      enable ? enableUser(id) : disableUser(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });

  const go = (next: { q?: string; page?: number }) => {
    const params = new URLSearchParams();
    const query = next.q ?? q;
    if (query) params.set("q", query);
    if (next.page && next.page > 1) params.set("page", String(next.page));
    setSearchParams(params);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    toggle.reset();
    go({ q: draft.trim(), page: 1 });
  };

  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / Math.max(1, data.pageSize))) : 1;

  return (
    <div className="page">
      <PageHeading title={t("users.title")} />
      <search className="search-bar">
        <form className="form-inline" onSubmit={search}>
          <TextField
            label={t("users.search")}
            type="search"
            name="q"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t("users.searchSubmit")}
          </button>
        </form>
      </search>
      <FormAlert message={toggle.error ? errorText(toggle.error) : null} />
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {data && (
        <>
          <p className="result-count" role="status">
            {q ? t("users.countFor", { total: data.total, q }) : t("users.count", { total: data.total })}
          </p>
          <UsersTable
            users={data.users}
            currentUserId={user?.id ?? null}
            pendingId={toggle.isPending ? (toggle.variables?.id ?? null) : null}
            onToggle={(id, enable) => toggle.mutate({ id, enable })}
          />
          <Pagination page={page} pages={pages} onPage={(next) => go({ page: next })} />
        </>
      )}
    </div>
  );
}
