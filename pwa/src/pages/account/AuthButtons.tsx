// The end of the login and register forms: the big submit button, and the way to the other screen.
import type { ApiError } from "../../api/client";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { withNext } from "../../next-url";

interface Props {
  busy: boolean;
  label: string;
}

export function SubmitButton({ busy, label }: Props) {
  return (
    <p>
      <button
        type="submit"
        class="btn btn-primary btn-big"
        disabled={busy}
        aria-busy={busy}
      >
        {label}
      </button>
    </p>
  );
}

/** The error no field shows (none when `fieldError` shows it), then the big submit button. */
export function FormEnd({
  busy,
  label,
  error,
  fieldError,
}: Props & { error: ApiError | undefined; fieldError: string | undefined }) {
  return (
    <>
      <ErrorNote error={fieldError ? undefined : error} />
      <SubmitButton busy={busy} label={label} />
    </>
  );
}

/** "No account yet? Register" under the login form, and the other way round. */
export function OtherScreen({
  to,
  next,
}: {
  to: "login" | "register";
  next: string | null;
}) {
  return to === "register" ? (
    <p>
      {t("account.noAccount")}{" "}
      <a class="link-target" href={withNext("/daftar", next)}>
        {t("account.registerLink")}
      </a>
    </p>
  ) : (
    <p>
      {t("account.haveAccount")}{" "}
      <a class="link-target" href={withNext("/masuk", next)}>
        {t("account.loginLink")}
      </a>
    </p>
  );
}
