// Before a GPS position goes on a report: the person's consent (UU PDP), asked in place so that the
// form stays as typed. A signed-in person who has consented (Akun → Persetujuan) is not asked again.
import { useEffect, useState } from "preact/hooks";
import { userStore } from "../../api/client";
import { getConsents } from "../../api/privacy";
import { t } from "../../i18n";

/** Whether a signed-in person's location consent stands; false for a visitor or when unknown. */
export function useLocationConsent(): boolean {
  const [granted, setGranted] = useState(false);
  useEffect(() => {
    if (!userStore.get()) return;
    getConsents()
      .then((answer) =>
        setGranted(
          answer.items.some(
            (item) => item.purpose === "location" && item.granted,
          ),
        ),
      )
      .catch(() => undefined);
  }, []);
  return granted;
}

export function LocationConsent(props: {
  onAllow: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      class="card stack"
      role="group"
      aria-labelledby="location-consent-title"
    >
      <h4 id="location-consent-title">{t("report.location.consentTitle")}</h4>
      <p>{t("report.location.consentText")}</p>
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={props.onAllow}>
          {t("report.location.consentAllow")}
        </button>
        <button type="button" class="btn" onClick={props.onCancel}>
          {t("report.location.consentCancel")}
        </button>
      </div>
    </div>
  );
}
