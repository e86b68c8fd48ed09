// The admin forms' own pieces: a text in both languages, save and cancel, a form opened in place.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "../../api/client";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";

export interface Texts {
  id: string;
  en: string;
}

interface LocalizedProps {
  id: string;
  /** What the text is, e.g. "Nama layanan"; the language is added to each label. */
  label: string;
  /** The API field, whose errors come per language ({name: {id: [...], en: [...]}}). */
  name: string;
  value: Texts;
  onInput: (value: Texts) => void;
  error: ApiError | undefined;
  required?: boolean;
  multiline?: boolean;
  /** The server's limit for each language's text. */
  maxLength?: number;
}

/** The Bahasa Indonesia text (required when `required`) and its optional English twin. */
export function LocalizedFields(props: LocalizedProps) {
  const { id, label, name, value, onInput, error, maxLength = 2000 } = props;
  return (
    <>
      <TextField
        id={`${id}-id`}
        label={t("admin.inIndonesian", { what: label })}
        required={props.required}
        multiline={props.multiline}
        maxLength={maxLength}
        value={value.id}
        error={error?.field(name, "id")}
        onInput={(text) => onInput({ ...value, id: text })}
      />
      <TextField
        id={`${id}-en`}
        label={t("admin.inEnglish", { what: label })}
        multiline={props.multiline}
        maxLength={maxLength}
        value={value.en}
        error={error?.field(name, "en")}
        onInput={(text) => onInput({ ...value, en: text })}
      />
    </>
  );
}

interface ButtonsProps {
  saving: boolean;
  /** The save button's words when not just "Simpan". */
  label?: string | undefined;
  /** Absent: no cancel button. */
  onCancel?: () => void;
}

/** Save (busy while saving) and cancel, under an admin form. */
export function FormButtons({ saving, label, onCancel }: ButtonsProps) {
  return (
    <div class="row">
      <button type="submit" class="btn btn-primary" disabled={saving}>
        {saving ? t("admin.saving") : (label ?? t("common.save"))}
      </button>
      {onCancel ? (
        <button type="button" class="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      ) : null}
    </div>
  );
}

interface InlineProps {
  /** The form's accessible name, and its heading when `heading` is given. */
  title: string;
  heading?: "h2" | "h3";
  /** The control that takes the focus when the form opens. */
  focus?: string;
  busy: boolean;
  error: ApiError | undefined;
  saveLabel?: string;
  onSave: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/** A form opened in place (in a table row or under a list): its fields, the server's message,
 * save and cancel; the first control takes the focus on opening. */
export function InlineForm(props: InlineProps) {
  const Heading = props.heading;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current
      ?.querySelector<HTMLElement>(
        props.focus ?? "input:not([readonly]), select",
      )
      ?.focus();
  }, []);
  return (
    <form
      ref={form}
      class="admin-inline-form"
      aria-label={props.title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      {Heading ? (
        <Heading class="admin-form-title">{props.title}</Heading>
      ) : null}
      {props.children}
      <ErrorNote error={props.error} />
      <FormButtons
        saving={props.busy}
        label={props.saveLabel}
        onCancel={props.onCancel}
      />
    </form>
  );
}

/** The line where an admin screen says what was just done; screen readers read it as it changes. */
export function AdminNotice({ text }: { text: string }) {
  return (
    <p class="admin-notice" role="status" aria-live="polite">
      {text}
    </p>
  );
}
