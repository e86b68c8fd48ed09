// /notifikasi: turn push notifications on or off and choose what they cover. Permission is asked
// only when "Aktifkan notifikasi" is tapped.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import {
  PushFailure,
  type PushPreferences,
  activeSubscription,
  disablePush,
  enablePush,
  permission,
  pushSupported,
  savedPreferences,
  updatePush,
} from "../../api/push";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { isIos, isStandalone } from "../home/install";
import { AreaPicker } from "./AreaPicker";
import "./i18n";
import "./account.css";

type State = "checking" | "off" | "on" | "working";

/** What went wrong with push, for the person: the browser's side or the server's message. */
export function failureText(failure: unknown): string {
  if (failure instanceof PushFailure) return t(`notify.${failure.kind}`);
  if (failure instanceof ApiError) return failure.message;
  return t("notify.failed");
}

function Unavailable() {
  const ios = isIos() && !isStandalone();
  return (
    <section>
      <h1>{t("notify.title")}</h1>
      <p class="notice">
        {ios ? t("notify.iosInstall") : t("notify.unsupported")}
      </p>
    </section>
  );
}

export function Notifications() {
  const supported = pushSupported();
  const [state, setState] = useState<State>("checking");
  const [prefs, setPrefs] = useState<PushPreferences>(savedPreferences);
  const [denied, setDenied] = useState(
    () => supported && permission() === "denied",
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!supported) return;
    activeSubscription()
      .then((subscription) => setState(subscription ? "on" : "off"))
      .catch(() => setState("off"));
  }, []);

  if (!supported) return <Unavailable />;

  async function run(action: () => Promise<void>, after: State, done: string) {
    const before = state;
    setState("working");
    setProblem(null);
    setMessage(null);
    try {
      await action();
      setState(after);
      setMessage(done);
    } catch (failure) {
      if (failure instanceof PushFailure && failure.kind === "denied")
        setDenied(true);
      setProblem(failureText(failure));
      setState(before);
    }
  }

  const enable = () => run(() => enablePush(prefs), "on", t("notify.enabled"));
  const save = () => run(() => updatePush(prefs), "on", t("notify.saved"));
  const disable = () => run(disablePush, "off", t("notify.disabled"));

  return (
    <section>
      <h1>{t("notify.title")}</h1>
      <p>{t("notify.intro")}</p>
      {state === "checking" ? (
        <Loading />
      ) : (
        <p class="push-state">
          {state === "on" ? t("notify.stateOn") : t("notify.stateOff")}
        </p>
      )}
      {denied && state !== "on" ? (
        <p class="notice">{t("notify.deniedHelp")}</p>
      ) : null}
      <form
        class="card"
        onSubmit={(event) => {
          event.preventDefault();
          void (state === "on" ? save() : enable());
        }}
      >
        <fieldset class="field">
          <legend>{t("notify.topics")}</legend>
          <label class="choice">
            <input
              type="checkbox"
              checked
              disabled
              aria-describedby="alerts-hint"
            />
            {t("notify.alerts")}
          </label>
          <p class="hint" id="alerts-hint">
            {t("notify.alertsHint")}
          </p>
          <label class="choice">
            <input
              type="checkbox"
              checked={prefs.news}
              onChange={(e) =>
                setPrefs({ ...prefs, news: e.currentTarget.checked })
              }
            />
            {t("notify.news")}
          </label>
        </fieldset>
        <AreaPicker
          kecamatan={prefs.kecamatan}
          kelurahan={prefs.kelurahan}
          onChange={(kecamatan, kelurahan) =>
            setPrefs({ ...prefs, kecamatan, kelurahan })
          }
        />
        <div aria-live="polite">
          {state === "working" ? (
            <p class="muted">{t("notify.working")}</p>
          ) : null}
          {message ? <p class="saved-note">{message}</p> : null}
        </div>
        {problem ? (
          <ErrorNote error={{ name: "push", message: problem }} />
        ) : null}
        <div class="row push-actions">
          <button
            type="submit"
            class="btn btn-primary"
            disabled={state === "working" || state === "checking"}
          >
            {state === "on" ? t("notify.save") : t("notify.enable")}
          </button>
          {state === "on" ? (
            <button type="button" class="btn btn-danger" onClick={disable}>
              {t("notify.disable")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
