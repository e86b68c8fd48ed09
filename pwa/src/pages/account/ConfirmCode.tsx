// The form a code sent by mail or SMS comes back in and signs the person in (signing in with a
// code, confirming a registration); they then go on to ?next= or their role's start.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { CodeSent } from "../../api/auth";
import type { User } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { afterLogin } from "../../next-url";
import { FormEnd } from "./AuthButtons";
import { CodeEntry } from "./CodeEntry";

interface Props {
  id: string;
  sent: CodeSent;
  next: string | null;
  button: string;
  /** Sends the code back; answers the person, now signed in. */
  confirm: (code: string) => Promise<User>;
  /** Asks for another code. */
  resend: () => Promise<CodeSent>;
  /** Shown above the code. */
  children?: ComponentChildren;
}

export function ConfirmCode(props: Props) {
  const { route } = useLocation();
  const [code, setCode] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      route(afterLogin(props.next, await props.confirm(code)), true);
    });
  }

  const codeError = error?.field("code");
  return (
    <form onSubmit={onSubmit} noValidate>
      {props.children}
      <CodeEntry
        id={props.id}
        sent={props.sent}
        code={code}
        onCode={setCode}
        error={codeError}
        onResend={() => submit(props.resend)}
      />
      <FormEnd
        busy={busy}
        label={props.button}
        error={error}
        fieldError={codeError}
      />
    </form>
  );
}
