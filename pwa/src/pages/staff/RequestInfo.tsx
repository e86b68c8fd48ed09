// What staff need to act: the facts and deadline, where it is, who to contact, and the photos.
import type { ServiceRequest } from "../../api/requests";
import { formatDateTime, t } from "../../i18n";
import { SlaDeadline } from "./SlaBadge";

function When({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <>—</>;
}

export function Reporter({ request }: { request: ServiceRequest }) {
  const reporter = request.reporter;
  const known = reporter && (reporter.name || reporter.email || reporter.phone);
  return (
    <section aria-labelledby="pelapor">
      <h2 id="pelapor">{t("staff.work.reporter")}</h2>
      {known ? (
        <dl class="staff-facts">
          {reporter.name ? (
            <div>
              <dt>{t("staff.work.reporterName")}</dt>
              <dd>{reporter.name}</dd>
            </div>
          ) : null}
          {reporter.email ? (
            <div>
              <dt>{t("staff.work.email")}</dt>
              <dd>
                <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
              </dd>
            </div>
          ) : null}
          {reporter.phone ? (
            <div>
              <dt>{t("staff.work.phone")}</dt>
              <dd>
                <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p class="muted">{t("staff.work.anonymous")}</p>
      )}
    </section>
  );
}

export function Location({ request }: { request: ServiceRequest }) {
  const { lat, long, address } = request.location;
  return (
    <section aria-labelledby="lokasi">
      <h2 id="lokasi">{t("staff.work.location")}</h2>
      <dl class="staff-facts">
        {address ? (
          <div>
            <dt>{t("staff.work.address")}</dt>
            <dd>{address}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("staff.work.area")}</dt>
          <dd>
            {[request.kelurahan?.name, request.kecamatan?.name]
              .filter(Boolean)
              .join(", ") || "—"}
          </dd>
        </div>
        {lat !== null && long !== null ? (
          <div>
            <dt>{t("staff.work.coordinates")}</dt>
            <dd>
              <a
                href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=18/${lat}/${long}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {lat.toFixed(5)}, {long.toFixed(5)}
                <span class="visually-hidden"> {t("staff.work.newTab")}</span>
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

export function RequestFacts({ request }: { request: ServiceRequest }) {
  return (
    <dl class="staff-facts">
      <div>
        <dt>{t("staff.work.deadline")}</dt>
        <dd>
          <SlaDeadline request={request} />
        </dd>
      </div>
      <div>
        <dt>{t("staff.work.filed")}</dt>
        <dd>
          <When iso={request.created_at} />
        </dd>
      </div>
      <div>
        <dt>{t("staff.work.firstResponse")}</dt>
        <dd>
          <When iso={request.first_response_at} />
        </dd>
      </div>
      {request.resolved_at ? (
        <div>
          <dt>{t("staff.work.resolvedAt")}</dt>
          <dd>
            <When iso={request.resolved_at} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("staff.work.opd")}</dt>
        <dd>{request.opd.name}</dd>
      </div>
      <div>
        <dt>{t("staff.work.visibility")}</dt>
        <dd>
          {request.is_public ? t("staff.work.public") : t("staff.work.private")}
        </dd>
      </div>
      <div>
        <dt>{t("staff.work.supporters")}</dt>
        <dd>{request.supporter_count}</dd>
      </div>
      {request.duplicate_of ? (
        <div>
          <dt>{t("staff.work.duplicateOf")}</dt>
          <dd>
            <a href={`/staf/laporan/${request.duplicate_of}`}>
              {request.duplicate_of}
            </a>
          </dd>
        </div>
      ) : null}
      {request.rating ? (
        <div>
          <dt>{t("staff.work.rating")}</dt>
          <dd>{t("staff.work.ratingValue", { rating: request.rating })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function Photos({ request }: { request: ServiceRequest }) {
  if (!request.photos.length) return null;
  return (
    <section aria-labelledby="foto">
      <h2 id="foto">{t("staff.work.photos")}</h2>
      <ul class="staff-photos">
        {request.photos.map((photo, index) => (
          <li key={photo.url}>
            <a href={photo.url} target="_blank" rel="noopener">
              <img
                src={photo.thumb_url}
                alt={t("staff.work.photo", {
                  number: index + 1,
                  total: request.photos.length,
                })}
                width={photo.width >= photo.height ? 160 : 120}
                height={photo.width >= photo.height ? 120 : 160}
                loading="lazy"
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
