// One request at work: everything about it, the timeline with internal notes, and only the moves
// the server allows. A change someone else made first (409) is shown and the page reloads.
import { useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { type ApiError, userStore } from "../../api/client";
import type { Opd } from "../../api/places";
import {
  OPEN_STATUSES,
  localized,
  useRequest,
  useRequestEvents,
} from "../../api/requests";
import { AttributeList } from "../../components/AttributeList";
import { PhotoList } from "../../components/PhotoList";
import { Fact, RequestFacts, When } from "../../components/RequestFacts";
import { StatusBadge } from "../../components/StatusBadge";
import { ErrorNote, Loading } from "../../components/Status";
import { Timeline } from "../../components/Timeline";
import { t } from "../../i18n";
import "./i18n";
import { NoteForm } from "./NoteForm";
import { Location, Reporter } from "./RequestInfo";
import { RerouteForm } from "./RerouteForm";
import { SlaBadge, SlaDeadline } from "./SlaBadge";
import { WorkActions } from "./WorkActions";

export function WorkPage() {
  const code = useRoute().params.code ?? "";
  const request = useRequest(code);
  const events = useRequestEvents(code);
  const [message, setMessage] = useState("");
  const [conflict, setConflict] = useState<ApiError | undefined>(undefined);
  const [rerouted, setRerouted] = useState<Opd | null>(null);
  const status = useRef<HTMLDivElement>(null);

  function reload() {
    request.reload();
    events.reload();
  }
  function tell(text: string) {
    setConflict(undefined);
    setMessage(text);
    status.current?.focus();
  }
  function onConflict(error: ApiError) {
    setMessage("");
    setConflict(error);
    reload();
    status.current?.focus();
  }

  const data = request.data;
  if (!data) {
    if (request.error)
      return (
        <section class="stack">
          <h1>{t("staff.work.title", { code })}</h1>
          <ErrorNote error={request.error} onRetry={reload} />
          <p>
            <a href="/staf">{t("staff.work.back")}</a>
          </p>
        </section>
      );
    return <Loading />;
  }
  const works = data.reporter !== undefined;
  const open = OPEN_STATUSES.includes(data.status);

  return (
    <article class="staff-work">
      <p>
        <a href="/staf">{t("staff.work.back")}</a>
      </p>
      <h1>
        {localized(data.service.name)}{" "}
        <span class="staff-code">{data.code}</span>
      </h1>
      <p class="row">
        <StatusBadge status={data.status} />
        <SlaBadge request={data} />
        {data.is_hidden ? (
          <span class="badge">{t("staff.work.hidden")}</span>
        ) : null}
      </p>
      <div
        ref={status}
        tabIndex={-1}
        class="staff-status"
        role="status"
        aria-live="polite"
      >
        {message ? <p class="notice">{message}</p> : null}
        {conflict ? <p class="error-note">{conflict.message}</p> : null}
        {rerouted ? (
          <p class="notice">
            {t("staff.reroute.done", { opd: rerouted.name })}{" "}
            <a href="/staf">{t("staff.work.back")}</a>
          </p>
        ) : null}
      </div>
      <div class="staff-work-grid">
        <div class="staff-work-main">
          <section aria-labelledby="uraian">
            <h2 id="uraian">{t("staff.work.description")}</h2>
            <p class="staff-description">
              {data.description || t("staff.work.noDescription")}
            </p>
          </section>
          <RequestFacts
            request={data}
            pagePath={(original) => `/staf/laporan/${original}`}
            deadline={<SlaDeadline request={data} />}
          >
            <Fact label={t("staff.work.firstResponse")}>
              <When iso={data.first_response_at} />
            </Fact>
            <Fact label={t("staff.work.visibility")}>
              {data.is_public
                ? t("staff.work.public")
                : t("staff.work.private")}
            </Fact>
            <Fact label={t("staff.work.supporters")}>
              {data.supporter_count}
            </Fact>
          </RequestFacts>
          <AttributeList service={data.service.code} values={data.attributes} />
          <Location request={data} />
          <PhotoList photos={data.photos} newTab />
          <section aria-labelledby="riwayat">
            <h2 id="riwayat">{t("staff.work.timeline")}</h2>
            {events.data ? (
              <Timeline events={events.data} rating={data.rating} />
            ) : null}
            {events.loading && !events.data ? <Loading /> : null}
            <ErrorNote error={events.error} />
          </section>
        </div>
        <aside class="staff-work-side" aria-label={t("staff.work.side")}>
          {works && !rerouted ? (
            <>
              <WorkActions
                request={data}
                onConflict={onConflict}
                onDone={(changed) => {
                  tell(
                    t("staff.work.changed", {
                      status: t(`status.${changed.status}`),
                    }),
                  );
                  reload();
                }}
              />
              <Reporter request={data} />
              <NoteForm
                code={data.code}
                onConflict={onConflict}
                onDone={() => {
                  tell(t("staff.note.saved"));
                  events.reload();
                }}
              />
              {open ? (
                <RerouteForm
                  request={data}
                  onConflict={onConflict}
                  onDone={(_, opd) => {
                    // Staff of this OPD no longer work on it; an admin keeps working here.
                    if (userStore.get()?.role === "admin") {
                      tell(t("staff.reroute.done", { opd: opd.name }));
                      reload();
                    } else {
                      setRerouted(opd);
                      tell("");
                    }
                  }}
                />
              ) : null}
            </>
          ) : rerouted ? null : (
            <p class="notice">{t("staff.work.notYours")}</p>
          )}
        </aside>
      </div>
    </article>
  );
}
