// Changing the password: other devices are logged out, this one stays in.
import { useState } from "preact/hooks";
import { changePassword } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { CurrentPasswordField } from "./CurrentPasswordField";
import { NewPasswordField } from "./NewPasswordField";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

export function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    setDone(false);
    void submit(async () => {
      await changePassword(current, next);
      setCurrent("");
      setNext("");
      setDone(true);
    });
  }

  const currentError = error?.field("current_password");
  const nextError = error?.field("new_password");
  return (
    <form class="card account-section" onSubmit={onSubmit} noValidate>
      <h2>{t("account.passwordTitle")}</h2>
      <CurrentPasswordField
        id="password-current"
        error={currentError}
        value={current}
        onInput={setCurrent}
      />
      <NewPasswordField
        id="password-new"
        error={nextError}
        value={next}
        onInput={setNext}
      />
      <ErrorNote error={currentError || nextError ? undefined : error} />
      <p role="status" class="saved-note">
        {done ? t("account.passwordChanged") : ""}
      </p>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("account.changePassword")}
      </button>
    </form>
  );
}
