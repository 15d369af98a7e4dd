/** The form-level error: announced at once by screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}
