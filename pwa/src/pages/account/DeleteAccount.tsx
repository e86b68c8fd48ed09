// Deleting the account: a clear warning first, then the password to confirm.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { deleteAccount } from "../../api/auth";
import { ApiError } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

export function DeleteAccount() {
  const { route } = useLocation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await deleteAccount(password);
      route("/", true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
      setBusy(false);
    }
  }

  const passwordError = error?.field("password");
  return (
    <section
      class="card account-section danger-zone"
      aria-labelledby="delete-title"
    >
      <h2 id="delete-title">{t("account.deleteTitle")}</h2>
      <p>{t("account.deleteWarning")}</p>
      {!open ? (
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => setOpen(true)}
        >
          {t("account.deleteStart")}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <p class="error-note">{t("account.deleteFinal")}</p>
          <Field
            id="delete-password"
            label={t("account.deletePassword")}
            error={passwordError}
          >
            <input
              id="delete-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={describedBy("delete-password", passwordError)}
            />
          </Field>
          {error && !passwordError ? <ErrorNote error={error} /> : null}
          <div class="row">
            <button
              type="submit"
              class="btn btn-danger"
              disabled={busy || !password}
            >
              {t("account.deleteConfirm")}
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                setOpen(false);
                setPassword("");
                setError(undefined);
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
