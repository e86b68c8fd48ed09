// Labelled form controls with their hint and error underneath, wired for screen readers.
import type { ComponentChildren, InputHTMLAttributes } from "preact";

interface Base {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
}

interface FieldProps extends Base {
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
      <Hint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** The error under a control, `${id}-error` for its aria-describedby; nothing when there is none. */
export function FieldError({
  id,
  error,
}: {
  id: string;
  error: string | undefined;
}) {
  return error ? (
    <p class="field-error" id={`${id}-error`} role="alert">
      {error}
    </p>
  ) : null;
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

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  keyof Base | "value" | "onInput"
>;

interface TextProps extends Base, InputAttributes {
  value: string;
  onInput: (value: string) => void;
  /** A three-line textarea instead of an input. */
  multiline?: boolean;
}

/** A text input (any other input attribute passes through); autocomplete is off unless given. */
export function TextField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onInput,
  multiline,
  ...input
}: TextProps) {
  const shared = {
    id,
    value,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
    onInput: (event: Event) =>
      onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      {multiline ? (
        <textarea
          {...shared}
          rows={3}
          maxLength={input.maxLength}
          readOnly={input.readOnly}
        />
      ) : (
        <input type="text" autoComplete="off" {...input} {...shared} />
      )}
    </Field>
  );
}

interface SelectProps extends Base {
  value: string;
  onChange: (value: string) => void;
  /** The first option's text, the one for no choice (value ""): "Semua layanan", "Pilih OPD". */
  blank?: string;
  children: ComponentChildren;
}

export function SelectField(props: SelectProps) {
  const { id, label, error, hint, required, onChange, blank, children } = props;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <select
        id={id}
        value={props.value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {blank === undefined ? null : <option value="">{blank}</option>}
        {children}
      </select>
    </Field>
  );
}

interface CheckProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string | undefined;
}

/** A checkbox with its label beside it; the hint and error are read with it. */
export function CheckField({
  id,
  label,
  checked,
  onChange,
  hint,
  error,
}: CheckProps) {
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label class="choice" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}
