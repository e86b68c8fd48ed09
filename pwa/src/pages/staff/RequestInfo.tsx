// What staff need beyond the shared facts: who to contact, and exactly where it is.
import type { ServiceRequest } from "../../api/requests";
import { Fact } from "../../components/RequestFacts";
import { t } from "../../i18n";

export function Reporter({ request }: { request: ServiceRequest }) {
  const reporter = request.reporter;
  const known = reporter && (reporter.name || reporter.email || reporter.phone);
  return (
    <section aria-labelledby="pelapor">
      <h2 id="pelapor">{t("staff.work.reporter")}</h2>
      {known ? (
        <dl class="request-facts">
          {reporter.name ? (
            <Fact label={t("staff.work.reporterName")}>{reporter.name}</Fact>
          ) : null}
          {reporter.email ? (
            <Fact label={t("staff.work.email")}>
              <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
            </Fact>
          ) : null}
          {reporter.phone ? (
            <Fact label={t("staff.work.phone")}>
              <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
            </Fact>
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
      <dl class="request-facts">
        {address ? (
          <Fact label={t("staff.work.address")}>{address}</Fact>
        ) : null}
        <Fact label={t("staff.work.area")}>
          {[request.kelurahan?.name, request.kecamatan?.name]
            .filter(Boolean)
            .join(", ") || "—"}
        </Fact>
        {lat !== null && long !== null ? (
          <Fact label={t("staff.work.coordinates")}>
            <a
              href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=18/${lat}/${long}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {lat.toFixed(5)}, {long.toFixed(5)}
              <span class="visually-hidden"> {t("staff.work.newTab")}</span>
            </a>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
