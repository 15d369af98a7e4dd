import type { ClientErrors } from "../hooks/useFormFeedback.ts";
import { MIN_PASSWORD_LENGTH } from "./validation.ts";

/** Client-side checks of a new password and its confirmation. */
export function newPasswordErrors(
  password: string,
  confirmation: string,
): ClientErrors<"password" | "confirmation"> {
  const errors: ClientErrors<"password" | "confirmation"> = {};
  if (!password) errors.password = "required";
  else if (password.length < MIN_PASSWORD_LENGTH) errors.password = "passwordLength";
  if (!confirmation) errors.confirmation = "required";
  else if (confirmation !== password) errors.confirmation = "passwordMismatch";
  return errors;
}
