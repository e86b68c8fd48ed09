// Changing the password: other devices are logged out, this one stays in.
import { useState } from "preact/hooks";
import { changePassword } from "../../api/auth";
import { ApiError } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

export function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await changePassword(current, next);
      setCurrent("");
      setNext("");
      setDone(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
    } finally {
      setBusy(false);
    }
  }

  const currentError = error?.field("current_password");
  const nextError = error?.field("new_password");
  return (
    <form class="card account-section" onSubmit={submit} noValidate>
      <h2>{t("account.passwordTitle")}</h2>
      <Field
        id="password-current"
        label={t("account.currentPassword")}
        error={currentError}
      >
        <input
          id="password-current"
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          aria-invalid={currentError ? true : undefined}
          aria-describedby={describedBy("password-current", currentError)}
        />
      </Field>
      <Field
        id="password-new"
        label={t("account.newPassword")}
        hint={t("account.passwordHint")}
        error={nextError}
      >
        <input
          id="password-new"
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
          aria-invalid={nextError ? true : undefined}
          aria-describedby={describedBy(
            "password-new",
            nextError,
            t("account.passwordHint"),
          )}
        />
      </Field>
      {error && !currentError && !nextError ? (
        <ErrorNote error={error} />
      ) : null}
      <p role="status" class="saved-note">
        {done ? t("account.passwordChanged") : ""}
      </p>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("account.changePassword")}
      </button>
    </form>
  );
}
