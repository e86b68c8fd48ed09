// Step 1: choose the service, by typing a few words or from its group.
import { useState } from "preact/hooks";
import {
  localized,
  searchServices,
  type Service,
  type ServiceGroup,
  useServiceGroups,
  useServices,
} from "../../api/catalog";
import { ErrorNote, Empty, Loading } from "../../components/Status";
import { t } from "../../i18n";

interface Props {
  chosen: string | null;
  onChoose: (service: Service) => void;
}

function ServiceButton({
  service,
  chosen,
  onChoose,
}: {
  service: Service;
  chosen: boolean;
  onChoose: (service: Service) => void;
}) {
  return (
    <li>
      <button
        type="button"
        class={
          chosen ? "card service-option service-chosen" : "card service-option"
        }
        aria-pressed={chosen}
        onClick={() => onChoose(service)}
      >
        <span class="service-name">{localized(service.name)}</span>
        <span class="service-about muted">
          {localized(service.description)}
        </span>
        {service.allows_anonymous ? null : (
          <span class="service-login">{t("report.service.needsLogin")}</span>
        )}
      </button>
    </li>
  );
}

function byGroup(services: Service[], groups: ServiceGroup[]) {
  const known = groups.map((group) => ({
    group,
    services: services.filter((service) => service.group.code === group.code),
  }));
  const listed = new Set(groups.map((group) => group.code));
  const others = services.filter((service) => !listed.has(service.group.code));
  return others.length
    ? [...known, { group: others[0]!.group, services: others }]
    : known;
}

export function ServiceStep({ chosen, onChoose }: Props) {
  const services = useServices();
  const groups = useServiceGroups();
  const [typed, setTyped] = useState("");

  if (services.loading && !services.data) return <Loading />;
  if (!services.data) {
    return (
      <div class="stack">
        <ErrorNote error={services.error} />
        <button type="button" class="btn" onClick={services.reload}>
          {t("report.retry")}
        </button>
      </div>
    );
  }
  const found = searchServices(services.data, typed);
  const sections = typed.trim()
    ? null
    : byGroup(services.data, groups.data ?? []);
  const item = (service: Service) => (
    <ServiceButton
      key={service.code}
      service={service}
      chosen={service.code === chosen}
      onChoose={onChoose}
    />
  );

  return (
    <div class="stack">
      <div class="field">
        <label for="service-search">{t("report.service.search")}</label>
        <p class="hint" id="service-search-hint">
          {t("report.service.searchHint")}
        </p>
        <input
          id="service-search"
          type="search"
          value={typed}
          aria-describedby="service-search-hint"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {typed.trim() ? t("report.service.found", { n: found.length }) : ""}
      </p>
      {sections ? (
        sections
          .filter((section) => section.services.length)
          .map((section) => (
            <section key={section.group.code}>
              <h3>{localized(section.group.name)}</h3>
              <ul class="list service-list">{section.services.map(item)}</ul>
            </section>
          ))
      ) : found.length ? (
        <ul class="list service-list">{found.map(item)}</ul>
      ) : (
        <Empty>{t("report.service.none")}</Empty>
      )}
    </div>
  );
}
