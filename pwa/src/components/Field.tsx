// A labelled form control with its error underneath, wired for screen readers.
import type { ComponentChildren } from "preact";

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: ComponentChildren;
}

/** Wraps one input: pass the same `id` to the input, and aria-describedby={describedBy(id, ...)}. */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: FieldProps) {
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby value for an input inside <Field>. */
export function describedBy(
  id: string,
  error?: string,
  hint?: string,
): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}
