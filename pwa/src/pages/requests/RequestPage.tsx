// One request: what, where, who handles it, its timeline, and what the viewer may do with it.
// An anonymous reporter's tracking link (?token=...) opens their private request.
import "./i18n";
import "./requests.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import {
  type RequestEvent,
  type ServiceRequest,
  localized,
  useRequest,
  useRequestEvents,
} from "../../api/requests";
import type { Loaded } from "../../api/use-api";
import { AttributeList } from "../../components/AttributeList";
import { PhotoList } from "../../components/PhotoList";
import { Fact, RequestFacts } from "../../components/RequestFacts";
import { StatusBadge } from "../../components/StatusBadge";
import { Loading } from "../../components/Status";
import { Timeline } from "../../components/Timeline";
import { t } from "../../i18n";
import { CommentForm } from "./CommentForm";
import { LocationMap } from "./LocationMap";
import { requestPlace } from "./request-place";
import { RatingForm } from "./RatingForm";
import { ReopenForm } from "./ReopenForm";
import { SupportPanel } from "./SupportPanel";

function Missing({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <section class="stack">
      <h1>{t("requests.page.unavailable")}</h1>
      <p class="error-note" role="alert">
        {message}
      </p>
      {retry ? (
        <button type="button" class="btn" onClick={retry}>
          {t("common.retry")}
        </button>
      ) : null}
      <p>
        <a href="/laporan">{t("requests.page.toPublic")}</a>
      </p>
    </section>
  );
}

interface HistoryProps {
  events: Loaded<RequestEvent[]>;
  rating: number | null;
}

function History({ events, rating }: HistoryProps) {
  return (
    <section aria-labelledby="riwayat">
      <h2 id="riwayat">{t("requests.page.timeline")}</h2>
      {events.data ? (
        <Timeline events={events.data} rating={rating} />
      ) : events.error ? (
        <p class="error-note" role="alert">
          {events.error.message}
        </p>
      ) : (
        <Loading />
      )}
    </section>
  );
}

function RequestView({ code, token }: { code: string; token?: string }) {
  const loaded = useRequest(code, token);
  const events = useRequestEvents(code, token);
  const [changed, setChanged] = useState<ServiceRequest | null>(null);
  const [notice, setNotice] = useState("");
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const request = changed ?? loaded.data;

  // A form that disappears after its action hands the keyboard to the message that replaced it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!request) {
    if (loaded.error) {
      return loaded.error.offline ? (
        <Missing message={t("requests.page.offline")} retry={loaded.reload} />
      ) : (
        <Missing message={loaded.error.message} />
      );
    }
    return <Loading />;
  }

  const acted = (next: ServiceRequest, text: string) => {
    setChanged(next);
    events.reload();
    setNotice(text);
  };
  const { lat, long } = request.location;
  const where = requestPlace(request);

  return (
    <article class="stack request-page">
      <header>
        <h1>{localized(request.service.name)}</h1>
        <p class="row">
          <StatusBadge status={request.status} overdue={request.is_overdue} />
          <span class="request-code">{request.code}</span>
        </p>
      </header>
      {token ? <p class="notice">{t("requests.page.trackingHint")}</p> : null}
      {!request.is_public ? (
        <p class="muted">{t("requests.page.private")}</p>
      ) : null}
      <p
        ref={noticeRef}
        class={notice ? "notice" : "live-empty"}
        role="status"
        aria-live="polite"
        tabIndex={-1}
      >
        {notice}
      </p>
      {request.description ? (
        <p class="request-description">{request.description}</p>
      ) : null}
      <RequestFacts request={request}>
        {where ? (
          <Fact label={t("requests.page.location")}>{where}</Fact>
        ) : null}
      </RequestFacts>
      <AttributeList
        service={request.service.code}
        values={request.attributes}
      />
      <PhotoList photos={request.photos} />
      {lat !== null && long !== null ? (
        <LocationMap lat={lat} long={long} />
      ) : null}
      <SupportPanel
        request={request}
        tokenHolder={Boolean(token)}
        onChange={setChanged}
      />
      {request.viewer.can_rate ? (
        <RatingForm
          request={request}
          onRated={(next) => acted(next, t("requests.rating.thanks"))}
        />
      ) : null}
      {request.viewer.can_reopen ? (
        <ReopenForm
          request={request}
          onReopened={(next) => acted(next, t("requests.reopen.done"))}
        />
      ) : null}
      <History events={events} rating={request.rating} />
      <section aria-labelledby="tulis-komentar">
        <h2 id="tulis-komentar">{t("requests.comment.title")}</h2>
        <CommentForm code={request.code} onSent={events.reload} />
      </section>
    </article>
  );
}

export function RequestPage() {
  const { params, query } = useRoute();
  const code = params.code ?? "";
  const token = query.token || undefined;
  return (
    <RequestView key={`${code}:${token ?? ""}`} code={code} token={token} />
  );
}
