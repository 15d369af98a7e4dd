import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/http.ts";
import type en from "../i18n/en.json";
import { useErrorText } from "./useErrorText.ts";
import { useLocale } from "./useLocale.ts";

export type ValidationKey = keyof typeof en.validation;
export type ClientErrors<F extends string> = Partial<Record<F, ValidationKey>>;

/** The props that tie a text input to its state and to its field's error (see `bind`). */
export interface BoundField {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
}

export interface FormFeedback<F extends string> {
  /** Per-field messages: from the client's own checks, else from the API's `issues`. */
  fieldErrors: Partial<Record<F, string>>;
  /** The message of the form's `role="alert"` element. */
  formError: string | null;
  /** Records the client-side problems; returns true when there are none. */
  validate(errors: ClientErrors<F>): boolean;
  /** Records an error thrown by the API. */
  fail(error: unknown): void;
  clear(): void;
  /** A text field's name, value, change handler and error, to spread on a TextField. */
  bind(field: F, value: string, setValue: (value: string) => void): BoundField;
}

function hasErrors(errors: Partial<Record<string, ValidationKey>>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * Error state of a form. Errors are kept raw and rendered at display time, so that they
 * follow a change of language.
 */
export function useFormFeedback<F extends string>(
  fields: readonly F[],
  /** Error codes that concern one field, e.g. `{ slug_taken: "slug" }`: their message goes under it. */
  codeFields: Readonly<Record<string, F>> = {},
): FormFeedback<F> {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const [clientErrors, setClientErrors] = useState<ClientErrors<F>>({});
  const [serverError, setServerError] = useState<unknown>(null);

  const fieldErrors: Partial<Record<F, string>> = {};
  const otherIssues: string[] = [];
  if (serverError instanceof ApiError) {
    for (const issue of serverError.issues) {
      const field = fields.find((name) => name === issue.path.split(".")[0]);
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message[lang];
      else if (!field) otherIssues.push(issue.message[lang]);
    }
    const codeField = codeFields[serverError.code];
    if (codeField && serverError.messages) fieldErrors[codeField] = serverError.messages[lang];
  }
  for (const field of fields) {
    const key = clientErrors[field];
    if (key) fieldErrors[field] = t(`validation.${key}`);
  }

  let formError: string | null = null;
  if (hasErrors(clientErrors)) formError = t("forms.fixErrors");
  else if (serverError) formError = [errorText(serverError), ...otherIssues].join(" ");

  return {
    fieldErrors,
    formError,
    validate(errors) {
      setServerError(null);
      setClientErrors(errors);
      return !hasErrors(errors);
    },
    fail(error) {
      setClientErrors({});
      setServerError(error);
    },
    clear() {
      setClientErrors({});
      setServerError(null);
    },
    bind(field, value, setValue) {
      return {
        name: field,
        value,
        onChange: (event) => setValue(event.target.value),
        error: fieldErrors[field],
      };
    },
  };
}
