// The one-time code field with where the code went and a resend button that waits out the
// cooldown. The field takes a pasted "123 456" and the phone's SMS autofill (one-time-code).
import { useEffect, useState } from "preact/hooks";
import type { CodeSent } from "../../api/auth";
import { CodeField } from "./CodeField";
import { t } from "../../i18n";
import "./i18n";

interface Props {
  id: string;
  sent: CodeSent;
  code: string;
  onCode: (code: string) => void;
  error: string | undefined;
  /** Asks for another code; answers the new CodeSent, or undefined when it failed. */
  onResend: () => Promise<CodeSent | undefined>;
}

function useCountdown(seconds: number): [number, (next: number) => void] {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

export function CodeEntry({ id, sent, code, onCode, error, onResend }: Props) {
  const [wait, setWait] = useCountdown(sent.resend_in);
  const [resending, setResending] = useState(false);

  async function resend() {
    setResending(true);
    const again = await onResend();
    setResending(false);
    if (again) setWait(again.resend_in);
  }

  return (
    <div class="code-entry">
      <p role="status">
        {t("account.codeSent", {
          login: sent.login,
          channel: t(`account.channel.${sent.channel}`),
          minutes: Math.round(sent.expires_in / 60),
        })}
      </p>
      <CodeField
        id={id}
        label={t("account.code")}
        hint={t("account.codeHint")}
        error={error}
        value={code}
        onInput={onCode}
      />
      <p>
        <button
          type="button"
          class="btn"
          onClick={resend}
          disabled={wait > 0 || resending}
          aria-busy={resending}
        >
          {wait > 0
            ? t("account.resendIn", { seconds: wait })
            : t("account.resend")}
        </button>
      </p>
    </div>
  );
}
