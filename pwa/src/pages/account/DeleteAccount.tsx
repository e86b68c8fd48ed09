// Deleting the account: a clear warning first, then the password to confirm.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { deleteAccount } from "../../api/auth";
import { useSubmit } from "../../api/use-submit";
import { CurrentPasswordField } from "./CurrentPasswordField";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

export function DeleteAccount() {
  const { route } = useLocation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const { busy, error, setError, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      await deleteAccount(password);
      route("/", true);
    });
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
        <form onSubmit={onSubmit} noValidate>
          <p class="error-note">{t("account.deleteFinal")}</p>
          <CurrentPasswordField
            id="delete-password"
            label={t("account.deletePassword")}
            error={passwordError}
            value={password}
            onInput={setPassword}
          />
          <ErrorNote error={passwordError ? undefined : error} />
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
