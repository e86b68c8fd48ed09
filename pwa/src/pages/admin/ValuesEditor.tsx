// The allowed values of a list attribute: a key each (stored with requests) and its names.
import { ApiError } from "../../api/client";
import type { AttributeValue } from "../../api/catalog";
import { FieldError, TextField } from "../../components/Field";
import { t } from "../../i18n";
import { fromTexts } from "./texts";

export interface ValueRow {
  uid: number;
  key: string;
  id: string;
  en: string;
}

let counter = 0;
const row = (value?: AttributeValue): ValueRow => ({
  uid: ++counter,
  key: value?.key ?? "",
  id: value?.name.id ?? "",
  en: value?.name.en ?? "",
});

/** The rows to edit: the attribute's values, or two empty ones (a list needs at least two). */
export const toRows = (
  values: AttributeValue[] | null | undefined,
): ValueRow[] => (values?.length ? values.map(row) : [row(), row()]);

export const fromRows = (rows: ValueRow[]): AttributeValue[] =>
  rows.map((one) => ({ key: one.key.trim(), name: fromTexts(one) }));

interface Props {
  id: string;
  rows: ValueRow[];
  error: ApiError | undefined;
  onChange: (rows: ValueRow[]) => void;
}

export function ValuesEditor({ id, rows, error, onChange }: Props) {
  const listError = error?.ownField("values");
  const change = (uid: number, part: Partial<ValueRow>) =>
    onChange(rows.map((one) => (one.uid === uid ? { ...one, ...part } : one)));

  function remove(uid: number, position: number) {
    onChange(rows.filter((one) => one.uid !== uid));
    window.setTimeout(() => {
      const buttons = document.querySelectorAll<HTMLElement>(
        `#${id} .admin-value-remove`,
      );
      (
        buttons[Math.min(position, buttons.length - 1)] ??
        document.getElementById(`${id}-add`)
      )?.focus();
    });
  }

  return (
    <fieldset
      id={id}
      class="field admin-values"
      aria-describedby={listError ? `${id}-error` : undefined}
    >
      <legend>{t("admin.values.title")}</legend>
      <p class="hint">{t("admin.values.hint")}</p>
      <ol class="list">
        {rows.map((one, index) => {
          const number = index + 1;
          return (
            <li key={one.uid} class="admin-value">
              <TextField
                id={`${id}-${one.uid}-key`}
                label={t("admin.values.key", { number })}
                required
                maxLength={60}
                value={one.key}
                error={error?.field("values", index, "key")}
                onInput={(key) => change(one.uid, { key })}
              />
              <TextField
                id={`${id}-${one.uid}-id`}
                label={t("admin.values.nameId", { number })}
                required
                value={one.id}
                error={error?.field("values", index, "name", "id")}
                onInput={(text) => change(one.uid, { id: text })}
              />
              <TextField
                id={`${id}-${one.uid}-en`}
                label={t("admin.values.nameEn", { number })}
                value={one.en}
                error={error?.field("values", index, "name", "en")}
                onInput={(text) => change(one.uid, { en: text })}
              />
              <button
                type="button"
                class="btn btn-small btn-danger admin-value-remove"
                onClick={() => remove(one.uid, index)}
              >
                {t("admin.values.remove", { number })}
              </button>
            </li>
          );
        })}
      </ol>
      <FieldError id={id} error={listError} />
      <button
        id={`${id}-add`}
        type="button"
        class="btn btn-small"
        onClick={() => onChange([...rows, row()])}
      >
        {t("admin.values.add")}
      </button>
    </fieldset>
  );
}
