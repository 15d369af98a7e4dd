import { useTranslation } from "react-i18next";
import type { useVerifyUpload } from "./useVerifyUpload.ts";

/** The live region that announces the file being checked. */
export function VerifyProgress({ upload }: { upload: ReturnType<typeof useVerifyUpload> }) {
  const { t } = useTranslation();
  const pending = upload.mutation.isPending;
  return (
    <p role="status" className={pending ? "loading" : "status-empty"}>
      {pending && upload.fileName ? t("verify.checking", { name: upload.fileName }) : null}
    </p>
  );
}
