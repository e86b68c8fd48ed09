// One action on an incident as a small form: its fields (prefilled where the API offers a text),
// an optional "are you sure" question, the API's refusal shown under it, and a note when done.
import type { ComponentChildren } from "preact";
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

/** An action form's id (its heading is `${id}-heading`) and texts. */
export interface ActionTexts {
  id: string;
  title: string;
  button: string;
  /** Said once the API has taken it. */
  done: string;
}

export function ActionForm({
  fields,
  ask,
  send,
  onDone,
  ...texts
}: ActionTexts & {
  fields: Field[];
  /** The question asked before sending, if any. */
  ask?: () => string;
  /** Sends the form; `value` reads a field. */
  send: (value: (name: string) => string) => Promise<unknown>;
  onDone: () => void;
}) {
  const start = () =>
    Object.fromEntries(fields.map((f) => [f.name, f.value ?? ""]));
  const [values, setValues] = useState<Values>(start);
  const action = useAction();
  const empty = fields.some((f) => !values[f.name]?.trim());

  const go = async () => {
    if (ask && !window.confirm(ask())) return;
    const taken = await action.run(() =>
      send((name) => values[name]?.trim() ?? ""),
    );
    if (!taken) return;
    setValues(start());
    onDone();
  };

  return (
    <ActionFrame
      {...texts}
      ready={!empty}
      action={action}
      onSend={() => void go()}
    >
      {fields.map((field) => {
        const props = {
          id: `${texts.id}-${field.name}`,
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
    </ActionFrame>
  );
}

/** Sending one action: busy, the API's refusal, and whether it was taken (for the "done" note). */
export function useAction() {
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit();

  /** True once the API has taken it; `call` answers false when the person thought better of it. */
  async function run(call: () => Promise<unknown>): Promise<boolean> {
    setSent(false);
    const answer = await submit(call);
    const taken = answer !== undefined && answer !== false;
    setSent(taken);
    return taken;
  }

  return { busy, error, sent, run };
}

/** One action's form around its fields: the heading, the send button, the refusal, the done note. */
export function ActionFrame({
  id,
  title,
  button,
  done,
  ready,
  action,
  onSend,
  children,
}: ActionTexts & {
  /** False while a field the action needs is empty. */
  ready: boolean;
  action: ReturnType<typeof useAction>;
  onSend: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="stack cc-action"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <h3 id={`${id}-heading`}>{title}</h3>
      {children}
      <ActionEnd button={button} done={done} ready={ready} action={action} />
    </form>
  );
}

/** Under an action's fields: the send button, the API's refusal, and the note once it is done. */
export function ActionEnd({
  button,
  done,
  ready,
  action,
}: {
  button: string;
  done: string;
  ready: boolean;
  action: ReturnType<typeof useAction>;
}) {
  const { busy, error, sent } = action;
  return (
    <>
      <button type="submit" class="btn btn-primary" disabled={busy || !ready}>
        {busy ? t("command.incident.sending") : button}
      </button>
      <ErrorNote error={error} />
      {sent ? (
        <p class="badge badge-ok" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}
