// /akun/dua-langkah: two-factor sign-in with an authenticator app. Setting it up shows the QR code
// and the secret once, takes one code, then shows the recovery codes once (copy or download). Once
// on: its status, and turning it off where the role allows.
import { useEffect, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { userStore } from "../../api/client";
import {
  type TwoFactorSetup,
  confirmTwoFactor,
  disableTwoFactor,
  startTwoFactorSetup,
  twoFactorStatus,
  type TwoFactorStatus,
} from "../../api/two-factor";
import { useSubmit } from "../../api/use-submit";
import { CurrentPasswordField } from "./CurrentPasswordField";
import { CodeField } from "./CodeField";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { TWO_FACTOR_SETUP, safeNext, startOf, withNext } from "../../next-url";
import { useStore } from "../../store";
import "./i18n";
import "./account.css";

export function TwoFactorPage() {
  const user = useStore(userStore);
  const { route } = useLocation();
  const next = safeNext(useRoute().query.next);
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const load = useSubmit();

  useEffect(() => {
    if (!user) route(withNext("/masuk", TWO_FACTOR_SETUP), true);
    else void load.submit(async () => setStatus(await twoFactorStatus()));
  }, [user === null]);

  if (!user) return null;
  const done = next ?? startOf(user.role);
  return (
    <section class="auth">
      <h1>{t("account.twoFactor.title")}</h1>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => route(done, true)} />
      ) : status === null ? (
        load.error ? (
          <ErrorNote error={load.error} />
        ) : (
          <Loading />
        )
      ) : status.enabled ? (
        <Enabled
          status={status}
          onDisabled={() => setStatus({ ...status, enabled: false })}
        />
      ) : (
        <Setup required={status.required} onConfirmed={setCodes} />
      )}
    </section>
  );
}

function Setup({
  required,
  onConfirmed,
}: {
  required: boolean;
  onConfirmed: (codes: string[]) => void;
}) {
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [code, setCode] = useState("");
  const start = useSubmit();
  const confirm = useSubmit();

  useEffect(() => {
    void start.submit(async () => setSetup(await startTwoFactorSetup()));
  }, []);

  function onSubmit(event: Event) {
    event.preventDefault();
    void confirm.submit(async () => onConfirmed(await confirmTwoFactor(code)));
  }

  const codeError = confirm.error?.field("code");
  return (
    <>
      <p>
        {t(
          required
            ? "account.twoFactor.requiredIntro"
            : "account.twoFactor.offerIntro",
        )}
      </p>
      <ErrorNote error={start.error} />
      {setup ? (
        <form onSubmit={onSubmit} noValidate>
          <ol class="two-factor-steps">
            <li>{t("account.twoFactor.stepInstall")}</li>
            <li>
              {t("account.twoFactor.stepScan")}
              <img
                class="two-factor-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`}
                alt={t("account.twoFactor.qrAlt")}
                width={200}
                height={200}
              />
              <p>
                {t("account.twoFactor.secretLabel")}{" "}
                <code id="two-factor-secret" class="two-factor-secret">
                  {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
                </code>
              </p>
            </li>
            <li>{t("account.twoFactor.stepConfirm")}</li>
          </ol>
          <CodeField
            id="setup-code"
            label={t("account.twoFactor.appCode")}
            error={codeError}
            value={code}
            onInput={setCode}
          />
          <ErrorNote error={codeError ? undefined : confirm.error} />
          <p>
            <button
              type="submit"
              class="btn btn-primary btn-big"
              disabled={confirm.busy}
              aria-busy={confirm.busy}
            >
              {t("account.twoFactor.turnOn")}
            </button>
          </p>
        </form>
      ) : start.busy ? (
        <Loading />
      ) : null}
    </>
  );
}

function RecoveryCodes({
  codes,
  onDone,
}: {
  codes: string[];
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }

  function download() {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(
      new Blob([`${text}\n`], { type: "text/plain" }),
    );
    link.download = "satupintu-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <div>
      <p role="status">{t("account.twoFactor.on")}</p>
      <h2>{t("account.twoFactor.recoveryTitle")}</h2>
      <p>{t("account.twoFactor.recoveryOnce")}</p>
      <ol id="recovery-codes" class="recovery-codes">
        {codes.map((one) => (
          <li key={one}>
            <code>{one}</code>
          </li>
        ))}
      </ol>
      <p class="stack">
        <button type="button" class="btn" onClick={() => void copy()}>
          {t("account.twoFactor.copy")}
        </button>
        <button type="button" class="btn" onClick={download}>
          {t("account.twoFactor.download")}
        </button>
      </p>
      <p role="status" class="saved-note">
        {copied ? t("account.twoFactor.copied") : ""}
      </p>
      <p>
        <button type="button" class="btn btn-primary btn-big" onClick={onDone}>
          {t("account.twoFactor.continue")}
        </button>
      </p>
    </div>
  );
}

function Enabled({
  status,
  onDisabled,
}: {
  status: TwoFactorStatus;
  onDisabled: () => void;
}) {
  const [password, setPassword] = useState("");
  const { busy, error, submit } = useSubmit();

  function onSubmit(event: Event) {
    event.preventDefault();
    void submit(async () => {
      await disableTwoFactor(password);
      onDisabled();
    });
  }

  const passwordError = error?.field("password");
  return (
    <>
      <p role="status">{t("account.twoFactor.on")}</p>
      <p>
        {t("account.twoFactor.codesLeft", {
          count: status.recovery_codes_left,
        })}
      </p>
      {status.required ? (
        <p class="muted">{t("account.twoFactor.requiredNote")}</p>
      ) : (
        <form class="card account-section" onSubmit={onSubmit} noValidate>
          <h2>{t("account.twoFactor.offTitle")}</h2>
          <CurrentPasswordField
            id="two-factor-off-password"
            error={passwordError}
            value={password}
            onInput={setPassword}
          />
          <ErrorNote error={passwordError ? undefined : error} />
          <button type="submit" class="btn" disabled={busy}>
            {t("account.twoFactor.turnOff")}
          </button>
        </form>
      )}
    </>
  );
}
