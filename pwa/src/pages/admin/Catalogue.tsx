// The catalogue: every service, deactivated ones too, by group, with a form to add a new one
// (/admin/layanan?baru=1, so that no service code can collide with the form's address).
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { localized } from "../../api/catalog";
import { SelectField, TextField } from "../../components/Field";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { ActiveBadge, AdminTable } from "./AdminTable";
import { type Service, loadCatalogue } from "./api";
import { ServiceForm } from "./ServiceForm";
import { useLoad } from "../../api/use-api";
import "./i18n";
import "./admin.css";

function matches(service: Service, words: string[]): boolean {
  const text = [
    service.code,
    service.name.id,
    service.name.en ?? "",
    service.opd.short_name,
    ...service.keywords,
  ]
    .join(" ")
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

export function Catalogue() {
  const { query } = useRoute();
  const { route } = useLocation();
  const loaded = useLoad(loadCatalogue);
  const [typed, setTyped] = useState("");
  const [group, setGroup] = useState("");
  const adding = Boolean(query.baru);

  if (!loaded.data)
    return (
      <section>
        <h1>{t(adding ? "admin.catalogue.new" : "admin.catalogue.title")}</h1>
        {loaded.loading ? (
          <Loading />
        ) : (
          <ErrorNote error={loaded.error} onRetry={loaded.reload} />
        )}
      </section>
    );
  const [services, groups, opds] = loaded.data;

  if (adding)
    return (
      <section>
        <p>
          <a href="/admin/layanan">{t("admin.catalogue.back")}</a>
        </p>
        <h1>{t("admin.catalogue.new")}</h1>
        <ServiceForm
          groups={groups}
          opds={opds}
          onSaved={(service) =>
            route(`/admin/layanan/${encodeURIComponent(service.code)}?dibuat=1`)
          }
        />
      </section>
    );

  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = services.filter(
    (one) => (!group || one.group.code === group) && matches(one, words),
  );
  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.catalogue.title")}</h1>
      <p>
        <a class="btn btn-primary" href="/admin/layanan?baru=1">
          {t("admin.catalogue.new")}
        </a>
      </p>
      <div class="admin-toolbar" role="search">
        <TextField
          id="service-search"
          label={t("admin.catalogue.search")}
          value={typed}
          onInput={setTyped}
        />
        <SelectField
          id="service-group-filter"
          label={t("admin.service.group")}
          value={group}
          onChange={setGroup}
          blank={t("admin.catalogue.allGroups")}
        >
          {groups.map((one) => (
            <option key={one.code} value={one.code}>
              {localized(one.name)}
            </option>
          ))}
        </SelectField>
      </div>
      <p class="muted" role="status" aria-live="polite">
        {t("admin.catalogue.count", {
          shown: shown.length,
          total: services.length,
        })}
      </p>
      {shown.length === 0 ? (
        <Empty>{t("admin.catalogue.empty")}</Empty>
      ) : (
        <AdminTable
          labelledBy="services-caption"
          caption={t("admin.catalogue.caption")}
          columns={[
            t("admin.service.name"),
            t("admin.users.opd"),
            t("admin.catalogue.sla"),
            t("admin.users.status"),
          ]}
        >
          {shown.map((service) => (
            <tr key={service.code}>
              <td>
                <a href={`/admin/layanan/${encodeURIComponent(service.code)}`}>
                  {localized(service.name)}
                </a>
                <br />
                <span class="muted admin-small">
                  {localized(service.group.name)} ·{" "}
                  {t("admin.catalogue.attributeCount", {
                    count: service.attributes.length,
                  })}
                </span>
              </td>
              <td data-label={t("admin.users.opd")}>
                {service.opd.short_name}
              </td>
              <td data-label={t("admin.catalogue.sla")}>
                {t("admin.catalogue.slaHours", {
                  response: service.sla_response_hours,
                  resolution: service.sla_resolution_hours,
                })}
              </td>
              <td>
                <ActiveBadge active={service.is_active} />{" "}
                {service.is_public ? null : (
                  <span class="badge">{t("admin.catalogue.private")}</span>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
