// The first step of "Lupa kata sandi" and of signing in with a code: the e-mail or phone number the
// code goes to. The answer is the same whether or not it has an account.
import { useState } from "preact/hooks";
import { type CodeSent, requestCode } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { SubmitButton } from "./AuthButtons";
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
      <TextField
        id={`${purpose}-login`}
        label={t("account.loginId")}
        hint={t("account.contactHint")}
        error={loginError}
        name="username"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellcheck={false}
        required
        value={login}
        onInput={setLogin}
      />
      <ErrorNote error={loginError ? undefined : error} />
      <SubmitButton busy={busy} label={t("account.sendCode")} />
    </form>
  );
}
