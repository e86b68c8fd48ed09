// One action on an incident as a small form: its fields (prefilled where the API offers a text),
// an optional "are you sure" question, the API's refusal shown under it, and a note when done.
import { useState } from "preact/hooks";
import { useSubmit } from "../../api/use-submit";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";

export interface Field {
  name: string;
  label: string;
  max: number;
  value?: string;
  multiline?: boolean;
}

type Values = Record<string, string>;

export function ActionForm({
  id,
  title,
  fields,
  button,
  done,
  ask,
  send,
  onDone,
}: {
  id: string;
  title: string;
  fields: Field[];
  button: string;
  /** Said once the API has taken it. */
  done: string;
  /** The question asked before sending, if any. */
  ask?: () => string;
  /** Sends the form; `value` reads a field. */
  send: (value: (name: string) => string) => Promise<unknown>;
  onDone: () => void;
}) {
  const start = () =>
    Object.fromEntries(fields.map((f) => [f.name, f.value ?? ""]));
  const [values, setValues] = useState<Values>(start);
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit();
  const empty = fields.some((f) => !values[f.name]?.trim());

  const go = async (event: Event) => {
    event.preventDefault();
    if (ask && !window.confirm(ask())) return;
    setSent(false);
    const answer = await submit(() =>
      send((name) => values[name]?.trim() ?? ""),
    );
    if (answer === undefined) return;
    setSent(true);
    setValues(start());
    onDone();
  };

  return (
    <form
      class="stack cc-action"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void go(event)}
    >
      <h3 id={`${id}-heading`}>{title}</h3>
      {fields.map((field) => {
        const props = {
          id: `${id}-${field.name}`,
          required: true,
          maxLength: field.max,
          value: values[field.name],
          onInput: (event: Event) =>
            setValues({
              ...values,
              [field.name]: (event.currentTarget as HTMLInputElement).value,
            }),
        };
        return (
          <div class="field" key={field.name}>
            <label for={props.id}>{field.label}</label>
            {field.multiline ? (
              <textarea rows={3} {...props} />
            ) : (
              <input type="text" {...props} />
            )}
          </div>
        );
      })}
      <button type="submit" class="btn btn-primary" disabled={busy || empty}>
        {busy ? t("command.incident.sending") : button}
      </button>
      <ErrorNote error={error} />
      {sent ? (
        <p class="badge badge-ok" role="status">
          {done}
        </p>
      ) : null}
    </form>
  );
}
