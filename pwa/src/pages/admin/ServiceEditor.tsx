// One service: its details and the attributes its form asks for. Deactivated services are edited
// too, so it is read from the admin list (the public GET /services/<code> answers 404 for them).
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { localized } from "../../api/catalog";
import { ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { type Service, loadCatalogue } from "./api";
import { AttributeEditor } from "./AttributeEditor";
import { ServiceForm } from "./ServiceForm";
import { useLoad } from "../../api/use-api";
import { AdminNotice } from "./FormFields";
import "./i18n";
import "./admin.css";

export function ServiceEditor() {
  const { params, query } = useRoute();
  const code = params.code ?? "";
  const loaded = useLoad(loadCatalogue);
  const [edited, setEdited] = useState<Service | null>(null);
  const [notice, setNotice] = useState(
    query.dibuat ? t("admin.service.created") : "",
  );

  const back = (
    <p>
      <a href="/admin/layanan">{t("admin.catalogue.back")}</a>
    </p>
  );
  if (!loaded.data)
    return (
      <section>
        {back}
        <h1>{t("admin.service.title")}</h1>
        {loaded.loading ? (
          <Loading />
        ) : (
          <ErrorNote error={loaded.error} onRetry={loaded.reload} />
        )}
      </section>
    );
  const [services, groups, opds] = loaded.data;
  const service =
    edited?.code === code ? edited : services.find((one) => one.code === code);
  if (!service)
    return (
      <section>
        {back}
        <h1>{t("admin.service.notFound")}</h1>
        <p>{t("admin.service.notFoundHint", { code })}</p>
      </section>
    );

  function saved(next: Service, message: string) {
    setEdited(next);
    setNotice(message);
  }

  return (
    <section>
      {back}
      <h1>{localized(service.name)}</h1>
      <p class="muted">{t("admin.service.codeIs", { code: service.code })}</p>
      <AdminNotice text={notice} />
      <h2>{t("admin.service.details")}</h2>
      <ServiceForm
        key={service.code}
        service={service}
        groups={groups}
        opds={opds}
        onSaved={(next) => saved(next, t("admin.service.saved"))}
      />
      <AttributeEditor service={service} onSaved={saved} />
    </section>
  );
}
