// "Terakhir diperbarui HH:MM" in a polite live region (it only changes once a minute, so a screen
// reader hears it rarely), and the warning when a refresh failed and older numbers stay shown.
import type { ApiError } from "../../api/client";
import { cityZone, language, t } from "../../i18n";

function clock(moment: Date): string {
  return new Intl.DateTimeFormat(language() === "id" ? "id-ID" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: cityZone(),
  }).format(moment);
}

interface Props {
  updatedAt: Date | undefined;
  error: ApiError | undefined;
}

export function StatusLine({ updatedAt, error }: Props) {
  return (
    <p class="cc-status" role="status" aria-live="polite">
      {updatedAt ? (
        <span class="cc-updated">
          {t("command.updated")}{" "}
          <time dateTime={updatedAt.toISOString()}>{clock(updatedAt)}</time>
        </span>
      ) : null}
      {error && updatedAt ? (
        <span class="cc-stale">
          {" "}
          {t("command.stale", { message: error.message })}
        </span>
      ) : null}
    </p>
  );
}
