// Akun → Persetujuan: push notifications and precise location, each given or withdrawn at any time,
// with when that was. Withdrawing push removes every subscription of the account on the server at
// once, and this browser's too; giving it subscribes this browser (as /notifikasi does).
import { useEffect, useState } from "preact/hooks";
import {
  type ConsentState,
  type Consents as ConsentsAnswer,
  type Purpose,
  getConsents,
  setConsents,
} from "../../api/privacy";
import {
  disablePush,
  enablePush,
  pushSupported,
  savedPreferences,
} from "../../api/push";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import { failureText } from "./Notifications";
import "./i18n";

function since(state: ConsentState): string {
  if (!state.at) return t("consents.never");
  const at = formatDateTime(state.at);
  return state.granted
    ? t("consents.givenAt", { at, version: state.notice_version ?? "" })
    : t("consents.withdrawnAt", { at });
}

/** Push consent is given by subscribing this browser; the server records it with the subscription. */
async function change(purpose: Purpose, granted: boolean): Promise<void> {
  if (purpose === "location") {
    await setConsents({ location: granted });
  } else if (granted) {
    await enablePush(savedPreferences());
  } else {
    await setConsents({ push: false });
    await disablePush();
  }
}

export function Consents() {
  const [answer, setAnswer] = useState<ConsentsAnswer | null>(null);
  const [busy, setBusy] = useState<Purpose | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    getConsents()
      .then(setAnswer)
      .catch((failure: unknown) => setError(failureText(failure)));
  useEffect(() => void load(), []);

  async function toggle(purpose: Purpose, granted: boolean) {
    setBusy(purpose);
    setError(null);
    // The switch follows the tap at once; the answer (or the failure) settles it.
    setAnswer(
      (current) =>
        current && {
          ...current,
          items: current.items.map((item) =>
            item.purpose === purpose ? { ...item, granted } : item,
          ),
        },
    );
    try {
      await change(purpose, granted);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      await load();
      setBusy(null);
    }
  }

  return (
    <section
      id="persetujuan"
      class="card account-section"
      aria-labelledby="consents-title"
    >
      <h2 id="consents-title">{t("consents.title")}</h2>
      <p class="hint">{t("consents.intro")}</p>
      {answer ? (
        answer.items.map((state) => {
          const id = `consent-${state.purpose}`;
          const unavailable = state.purpose === "push" && !pushSupported();
          return (
            <div class="field" key={state.purpose}>
              <label class="choice" for={id}>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  checked={state.granted}
                  disabled={busy !== null || (unavailable && !state.granted)}
                  aria-describedby={`${id}-since`}
                  onChange={(event) =>
                    void toggle(state.purpose, event.currentTarget.checked)
                  }
                />
                {t(`consents.${state.purpose}`)}
              </label>
              <p class="hint" id={`${id}-since`}>
                {t(`consents.${state.purpose}Hint`)}{" "}
                {busy === state.purpose ? t("consents.saving") : since(state)}
              </p>
            </div>
          );
        })
      ) : error ? null : (
        <Loading />
      )}
      {error ? <ErrorNote error={{ name: "consent", message: error }} /> : null}
    </section>
  );
}
