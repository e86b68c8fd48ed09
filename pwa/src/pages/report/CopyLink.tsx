// A link to keep (the anonymous tracking link): shown in full, selectable, with a copy button.
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import "../../offline/i18n";

interface Props {
  id: string;
  label: string;
  url: string;
}

export function CopyLink({ id, label, url }: Props) {
  const [state, setState] = useState<"" | "copied" | "manual">("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      // No clipboard permission (or an old browser): select it for a long-press copy.
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setState("manual");
    }
  }

  return (
    <div class="field copy-link">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="btn" onClick={() => void copy()}>
          {t("outbox.copy")}
        </button>
      </div>
      <p class="muted" role="status" aria-live="polite">
        {state === "copied"
          ? t("outbox.copied")
          : state === "manual"
            ? t("outbox.copyManual")
            : ""}
      </p>
    </div>
  );
}
