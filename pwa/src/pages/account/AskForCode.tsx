// The first step of "Lupa kata sandi" and of signing in with a code: the e-mail or phone number the
// code goes to. The answer is the same whether or not it has an account.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { type CodeSent, requestCode } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { t } from "../../i18n";
import { FormEnd, OtherScreen } from "./AuthButtons";
import { LoginIdField } from "./LoginIdField";
import "./i18n";

interface Props {
  purpose: "password-reset" | "code";
  onSent: (sent: CodeSent, login: string) => void;
}

export function AskForCode({ purpose, onSent }: Props) {
  const [login, setLogin] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      onSent(await requestCode(purpose, login.trim()), login.trim());
    });
  }

  const loginError = error?.field("login");
  return (
    <form onSubmit={onSubmit} noValidate>
      <LoginIdField
        id={`${purpose}-login`}
        hint={t("account.contactHint")}
        error={loginError}
        value={login}
        onInput={setLogin}
      />
      <FormEnd
        busy={busy}
        label={t("account.sendCode")}
        error={error}
        fieldError={loginError}
      />
    </form>
  );
}

/** A screen that asks where the code goes, then shows `then` (what is done with the code). */
export function CodeScreen({
  title,
  intro,
  purpose,
  next,
  then,
}: {
  title: string;
  intro: string;
  purpose: Props["purpose"];
  next: string | null;
  then: (sent: CodeSent, login: string) => ComponentChildren;
}) {
  const [asked, setAsked] = useState<{ sent: CodeSent; login: string } | null>(
    null,
  );
  return (
    <section class="auth">
      <h1>{title}</h1>
      {asked ? (
        then(asked.sent, asked.login)
      ) : (
        <>
          <p>{intro}</p>
          <AskForCode
            purpose={purpose}
            onSent={(sent, login) => setAsked({ sent, login })}
          />
        </>
      )}
      <OtherScreen to="login" next={next} />
    </section>
  );
}
