// An incident's linked requests a page at a time (there can be hundreds), each with "Lepas" to
// unlink it while the incident is open; and linking more, by code or from the open requests of its
// kind and area that no open incident holds yet. Every list reads again when the incident changes.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { type Paged, usePaged } from "../../api/use-paged";
import { useSubmit } from "../../api/use-submit";
import { PagedStates } from "../../components/PagedStates";
import { ErrorNote } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import { ActionEnd, useAction } from "./ActionForm";
import { requestHref } from "./api";
import {
  type IncidentDetail,
  type LinkedRequest,
  candidatesPath,
  linkRequests,
  linkedRequestsPath,
  unlinkRequests,
} from "./incidents-api";
import "./incident-tools.css";

interface Props {
  incident: IncidentDetail;
  onChanged: () => void;
}

/** Reads the list again when the incident's timeline has grown (a link, a merge, a joined report). */
function usePagedFor(incident: IncidentDetail, path: string | null) {
  const paged = usePaged<LinkedRequest>(path);
  const version = incident.timeline.at(-1)?.id;
  const seen = useRef(version);
  const { reload } = paged;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return paged;
}

function RequestList({
  paged,
  empty,
  action,
}: {
  paged: Paged<LinkedRequest>;
  empty: string;
  action?: (request: LinkedRequest) => ComponentChildren;
}) {
  return (
    <PagedStates paged={paged} empty={empty}>
      <ul class="cc-linked">
        {paged.items.map((request) => (
          <li key={request.code} data-request={request.code}>
            <span>
              <a class="more-link" href={requestHref(request.code)}>
                {request.code}
              </a>{" "}
              <span class="muted">
                {t(`status.${request.status}`)} · {request.opd} ·{" "}
                {formatDateTime(request.created_at)}
              </span>
            </span>
            {action ? action(request) : null}
          </li>
        ))}
      </ul>
    </PagedStates>
  );
}

/** A button that sends one change for one request. */
function RequestButton({
  label,
  code,
  send,
  onChanged,
}: {
  label: string;
  code: string;
  send: (codes: string[]) => Promise<unknown>;
  onChanged: () => void;
}) {
  const { busy, error, submit } = useSubmit();
  const go = async () => {
    if ((await submit(() => send([code]))) !== undefined) onChanged();
  };
  return (
    <span class="stack">
      <button
        type="button"
        class="btn btn-small"
        disabled={busy}
        aria-label={`${label} ${code}`}
        onClick={() => void go()}
      >
        {label}
      </button>
      <ErrorNote error={error} />
    </span>
  );
}

export function LinkedRequests({ incident, onChanged }: Props) {
  const paged = usePagedFor(incident, linkedRequestsPath(incident.id));
  const unlink = (request: LinkedRequest) => (
    <RequestButton
      label={t("command.incident.link.unlink")}
      code={request.code}
      send={(codes) => unlinkRequests(incident.id, codes)}
      onChanged={onChanged}
    />
  );
  return (
    <section aria-labelledby="cc-requests-title">
      <h2 id="cc-requests-title">
        {t("command.incident.requests", {
          count: formatNumber(incident.report_count),
        })}
      </h2>
      <RequestList
        paged={paged}
        empty={t("command.incident.noRequests")}
        action={isOpen(incident) ? unlink : undefined}
      />
    </section>
  );
}

export const isOpen = (incident: IncidentDetail) =>
  incident.state === "proposed" || incident.state === "active";

/** Codes as typed: separated by commas or spaces, in capitals as the city writes them. */
function codesIn(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

function LinkByCode({ incident, onChanged }: Props) {
  const [typed, setTyped] = useState("");
  const action = useAction();
  const codes = codesIn(typed);
  const go = async (event: Event) => {
    event.preventDefault();
    if (!(await action.run(() => linkRequests(incident.id, codes)))) return;
    setTyped("");
    onChanged();
  };
  return (
    <form class="stack" onSubmit={(event) => void go(event)}>
      <div class="field">
        <label for="cc-link-codes">{t("command.incident.link.codes")}</label>
        <input
          id="cc-link-codes"
          type="text"
          autocomplete="off"
          maxLength={400}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <ActionEnd
        button={t("command.incident.link.send")}
        done={t("command.incident.link.done")}
        ready={codes.length > 0}
        action={action}
      />
    </form>
  );
}

/** Linking more requests: by code, or from the open ones of the incident's kind and area. */
export function LinkRequests({ incident, onChanged }: Props) {
  const paged = usePagedFor(incident, candidatesPath(incident.id));
  const link = (request: LinkedRequest) => (
    <RequestButton
      label={t("command.incident.link.one")}
      code={request.code}
      send={(codes) => linkRequests(incident.id, codes)}
      onChanged={onChanged}
    />
  );
  return (
    <div class="stack cc-action" role="group" aria-labelledby="cc-link-heading">
      <h3 id="cc-link-heading">{t("command.incident.link.heading")}</h3>
      <LinkByCode incident={incident} onChanged={onChanged} />
      <h4>{t("command.incident.link.nearby")}</h4>
      <RequestList
        paged={paged}
        empty={t("command.incident.link.noneNearby")}
        action={link}
      />
    </div>
  );
}
