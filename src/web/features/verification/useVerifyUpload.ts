import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { verifyFile } from "../../api/verification.ts";
import { checkPdfFile, type PdfFileProblem } from "./pdfFile.ts";

/**
 * The state of one verification: the chosen file, a problem found before uploading it, the
 * request, and the report. `reset` clears everything and puts the focus back on the file input.
 */
export function useVerifyUpload() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<PdfFileProblem | null>(null);
  const mutation = useMutation({ mutationFn: verifyFile });

  const choose = (file: File) => {
    mutation.reset();
    setFileName(file.name);
    const issue = checkPdfFile(file);
    setProblem(issue);
    if (!issue) mutation.mutate(file);
  };

  const reset = () => {
    mutation.reset();
    setFileName(null);
    setProblem(null);
    if (inputRef.current) inputRef.current.value = "";
    // The input comes back on the next render; focus it then.
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return { inputRef, fileName, problem, mutation, choose, reset };
}
