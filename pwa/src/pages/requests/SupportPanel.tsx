// "Me too": the supporter count, and the button for logged-in residents who did not file it.
import { useEffect, useRef, useState } from "preact/hooks";
import { userStore } from "../../api/client";
import { type ServiceRequest, supportRequest } from "../../api/requests";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { useSubmit } from "../../api/use-submit";
import { withNext } from "../../next-url";

interface Props {
  request: ServiceRequest;
  /** The anonymous reporter, on their tracking link. */
  tokenHolder: boolean;
  onChange: (request: ServiceRequest) => void;
}

export function SupportPanel({ request, tokenHolder, onChange }: Props) {
  const user = useStore(userStore);
  const { busy, error, submit } = useSubmit();
  const { viewer } = request;
  const done = useRef<HTMLParagraphElement>(null);
  const [justSupported, setJustSupported] = useState(false);

  // The button goes away once pressed: keep the keyboard where the answer is.
  useEffect(() => {
    if (justSupported) done.current?.focus();
  }, [justSupported]);

  const support = () =>
    void submit(async () => {
      const answer = await supportRequest(request.code);
      onChange({
        ...request,
        supporter_count: answer.supporter_count,
        viewer: { ...viewer, has_supported: answer.has_supported },
      });
      setJustSupported(true);
    });

  let action = null;
  if (viewer.is_reporter || tokenHolder) {
    action = <p class="muted">{t("requests.support.yours")}</p>;
  } else if (!user) {
    action = (
      <a class="btn" href={withNext("/masuk", `/laporan/${request.code}`)}>
        {t("requests.support.login")}
      </a>
    );
  } else if (viewer.has_supported) {
    action = (
      <p class="supported" ref={done} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t("requests.support.done")}
      </p>
    );
  } else {
    action = (
      <button
        type="button"
        class="btn btn-primary"
        onClick={support}
        disabled={busy}
      >
        {t("requests.support.button")}
      </button>
    );
  }

  return (
    <section class="card support-panel" aria-labelledby="dukungan">
      <h2 id="dukungan" class="visually-hidden">
        {t("requests.support.title")}
      </h2>
      <div aria-live="polite">
        <p class="supporter-count">
          {t("requests.supporters", { count: request.supporter_count })}
        </p>
        {action}
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
