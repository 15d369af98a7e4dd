import type { BoundField } from "../hooks/useFormFeedback.ts";
import { TextField } from "./TextField.tsx";

/** The password the person already has, for signing in or proving who they are. */
export function CurrentPasswordField({ label, field }: { label: string; field: BoundField }) {
  return <TextField label={label} type="password" autoComplete="current-password" required {...field} />;
}
