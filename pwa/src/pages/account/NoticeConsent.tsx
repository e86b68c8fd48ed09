// The registration's privacy notice: the current version to tick as read and accepted (required),
// readable in place so that nothing typed above is lost, and on its own page (/privasi).
import { useEffect, useState } from "preact/hooks";
import { useNotice } from "../../api/privacy";
import { FieldError, describedBy } from "../../components/Field";
import { ErrorNote, Loading } from "../../components/Status";
import { NoticeText } from "../../components/NoticeText";
import { t } from "../../i18n";

interface Props {
  error: string | undefined;
  /** The version ticked, or null when unticked (or when a newer notice replaced it). */
  onAccept: (version: string | null) => void;
}

export function NoticeConsent({ error, onAccept }: Props) {
  const { data, error: loadError, loading, reload } = useNotice();
  const [ticked, setTicked] = useState(false);

  // The server refused the version (a newer notice came out meanwhile): read it again.
  useEffect(() => {
    if (!error || !ticked) return;
    setTicked(false);
    onAccept(null);
    reload();
  }, [error]);

  if (!data)
    return loading ? (
      <Loading />
    ) : (
      <ErrorNote error={loadError} onRetry={reload} />
    );
  const id = "register-notice";
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <details class="notice-inline">
        <summary>{t("account.noticeRead")}</summary>
        <NoticeText notice={data} />
        <p>
          <a class="more-link" href="/privasi">
            {t("account.privacyLink")}
          </a>
        </p>
      </details>
      <label class="choice">
        <input
          id={id}
          type="checkbox"
          required
          checked={ticked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)}
          onChange={(event) => {
            setTicked(event.currentTarget.checked);
            onAccept(event.currentTarget.checked ? data.version : null);
          }}
        />
        {t("account.noticeAccept", { version: data.version })}
      </label>
      <FieldError id={id} error={error} />
    </div>
  );
}
