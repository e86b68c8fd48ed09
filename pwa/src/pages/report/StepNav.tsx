// The buttons under each step: back, next, and "start over" (asked twice, since it deletes).
import { useState } from "preact/hooks";
import { t } from "../../i18n";

interface NavProps {
  onBack?: (() => void) | undefined;
  /** Omitted where the step's own button moves on (choosing a service, sending). */
  nextLabel?: string | undefined;
}

/** Back and next; next is the form's submit button, so Enter in a field moves on too. */
export function StepNav({ onBack, nextLabel }: NavProps) {
  return (
    <div class="row step-nav">
      {onBack ? (
        <button type="button" class="btn" onClick={onBack}>
          {t("report.back")}
        </button>
      ) : null}
      {nextLabel ? (
        <button type="submit" class="btn btn-primary step-next">
          {nextLabel}
        </button>
      ) : null}
    </div>
  );
}

export function Restart({ onRestart }: { onRestart: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <p class="restart">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => setAsking(true)}
        >
          {t("report.restart")}
        </button>
      </p>
    );
  }
  return (
    <div class="restart notice" role="group" aria-labelledby="restart-question">
      <p id="restart-question">{t("report.restartQuestion")}</p>
      <div class="row">
        <button
          type="button"
          class="btn btn-small btn-danger"
          onClick={() => {
            setAsking(false);
            onRestart();
          }}
        >
          {t("report.restartYes")}
        </button>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => setAsking(false)}
        >
          {t("report.restartNo")}
        </button>
      </div>
    </div>
  );
}
