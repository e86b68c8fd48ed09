// Labelled inputs for the admin forms, each with its hint and the server's error underneath.
import type { ComponentChildren } from "preact";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";

interface Base {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

interface TextProps extends Base {
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "tel" | "number";
  multiline?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  min?: number;
  inputMode?: "numeric";
  autoComplete?: string;
}

export function TextField(props: TextProps) {
  const { id, error, hint, multiline, onInput, type = "text", ...rest } = props;
  const shared = {
    id,
    value: rest.value,
    required: rest.required,
    readOnly: rest.readOnly,
    maxLength: rest.maxLength,
    autoComplete: rest.autoComplete ?? "off",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
    onInput: (event: Event) =>
      onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Field
      id={id}
      label={rest.label}
      error={error}
      hint={hint}
      required={rest.required}
    >
      {multiline ? (
        <textarea {...shared} rows={3} />
      ) : (
        <input
          {...shared}
          type={type}
          min={rest.min}
          inputMode={rest.inputMode}
        />
      )}
    </Field>
  );
}

interface SelectProps extends Base {
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
}

export function SelectField(props: SelectProps) {
  const { id, error, hint, onChange, children, ...rest } = props;
  return (
    <Field
      id={id}
      label={rest.label}
      error={error}
      hint={hint}
      required={rest.required}
    >
      <select
        id={id}
        value={rest.value}
        required={rest.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
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
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Texts {
  id: string;
  en: string;
}

interface LocalizedProps {
  id: string;
  /** What the text is, e.g. "Nama layanan"; the language is added to each label. */
  label: string;
  value: Texts;
  onInput: (value: Texts) => void;
  errors: { id?: string | undefined; en?: string | undefined };
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
}

/** The Bahasa Indonesia text (required when `required`) and its optional English twin. */
export function LocalizedFields(props: LocalizedProps) {
  const { id, label, value, onInput, errors } = props;
  return (
    <>
      <TextField
        id={`${id}-id`}
        label={t("admin.inIndonesian", { what: label })}
        required={props.required}
        multiline={props.multiline}
        maxLength={props.maxLength}
        value={value.id}
        error={errors.id}
        onInput={(text) => onInput({ ...value, id: text })}
      />
      <TextField
        id={`${id}-en`}
        label={t("admin.inEnglish", { what: label })}
        multiline={props.multiline}
        maxLength={props.maxLength}
        value={value.en}
        error={errors.en}
        onInput={(text) => onInput({ ...value, en: text })}
      />
    </>
  );
}
