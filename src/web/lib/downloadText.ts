/** Makes the browser save text built in the page as a file (e.g. a CSV), without a server round trip. */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  // A byte-order mark lets spreadsheets open UTF-8 CSV with its accents intact.
  const blob = new Blob([type.startsWith("text/csv") ? "\uFEFF" : "", text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
