// A service's details: names and descriptions in both languages, group, keywords, the responsible
// OPD, SLA hours and the switches; used to add a service and to edit one.
import { useState } from "preact/hooks";
import { localized } from "../../api/catalog";
import type { Opd } from "../../api/places";
import { useSubmit } from "../../api/use-submit";
import { CheckField, SelectField, TextField } from "../../components/Field";
import { OpdOptions } from "../../components/Options";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import {
  type Service,
  type ServiceGroup,
  type ServiceInput,
  createService,
  updateService,
} from "./api";
import { FormButtons, LocalizedFields } from "./FormFields";
import { fromTexts, toTexts, wholeNumber } from "./texts";

interface Props {
  /** The service being edited; none when adding one. */
  service?: Service;
  groups: ServiceGroup[];
  opds: Opd[];
  onSaved: (service: Service) => void;
}

export function ServiceForm({ service, groups, opds, onSaved }: Props) {
  const [code, setCode] = useState("");
  const [name, setName] = useState(toTexts(service?.name));
  const [description, setDescription] = useState(toTexts(service?.description));
  const [group, setGroup] = useState(service?.group.code ?? "");
  const [keywords, setKeywords] = useState(service?.keywords.join(", ") ?? "");
  const [opd, setOpd] = useState(service?.opd.code ?? "");
  const [response, setResponse] = useState(
    String(service?.sla_response_hours ?? ""),
  );
  const [resolution, setResolution] = useState(
    String(service?.sla_resolution_hours ?? ""),
  );
  const [flags, setFlags] = useState({
    needs_location: service?.needs_location ?? true,
    allows_anonymous: service?.allows_anonymous ?? false,
    is_public: service?.is_public ?? true,
    is_active: service?.is_active ?? true,
  });
  const { busy, error, submit } = useSubmit();
  const prefix = "service";

  async function save(event: Event) {
    event.preventDefault();
    const input: ServiceInput = {
      name: fromTexts(name),
      description: fromTexts(description),
      group,
      keywords: keywords
        .split(",")
        .map((word) => word.trim())
        .filter(Boolean),
      opd,
      sla_response_hours: wholeNumber(response),
      sla_resolution_hours: wholeNumber(resolution),
      ...flags,
    };
    const saved = await submit(() =>
      service
        ? updateService(service.code, input)
        : createService({ ...input, code: code.trim() }),
    );
    if (saved) onSaved(saved);
  }

  const flag = (key: keyof typeof flags, label: string, hint: string) => (
    <CheckField
      id={`${prefix}-${key}`}
      label={t(label)}
      hint={t(hint)}
      checked={flags[key]}
      error={error?.field(key)}
      onChange={(checked) => setFlags({ ...flags, [key]: checked })}
    />
  );
  const opdChoices = opds.filter(
    (one) => one.is_active || one.code === service?.opd.code,
  );

  return (
    <form class="admin-form" noValidate onSubmit={save}>
      <fieldset>
        <legend>{t("admin.service.texts")}</legend>
        {service ? null : (
          <TextField
            id={`${prefix}-code`}
            label={t("admin.service.code")}
            hint={t("admin.codeHint")}
            required
            maxLength={40}
            value={code}
            error={error?.field("code")}
            onInput={(value) => setCode(value.toLowerCase())}
          />
        )}
        <LocalizedFields
          id={`${prefix}-name`}
          label={t("admin.service.name")}
          required
          value={name}
          name="name"
          error={error}
          onInput={setName}
        />
        <LocalizedFields
          id={`${prefix}-description`}
          label={t("admin.service.description")}
          required
          multiline
          value={description}
          name="description"
          error={error}
          onInput={setDescription}
        />
        <TextField
          id={`${prefix}-keywords`}
          label={t("admin.service.keywords")}
          hint={t("admin.service.keywordsHint")}
          value={keywords}
          error={error?.field("keywords")}
          onInput={setKeywords}
        />
      </fieldset>
      <fieldset>
        <legend>{t("admin.service.handling")}</legend>
        <div class="admin-grid">
          <SelectField
            id={`${prefix}-group`}
            label={t("admin.service.group")}
            required
            value={group}
            error={error?.field("group")}
            onChange={setGroup}
            blank={t("admin.choose")}
          >
            {groups.map((one) => (
              <option key={one.code} value={one.code}>
                {localized(one.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${prefix}-opd`}
            label={t("admin.service.opd")}
            required
            value={opd}
            error={error?.field("opd")}
            onChange={setOpd}
            blank={t("admin.choose")}
          >
            <OpdOptions opds={opdChoices} named />
          </SelectField>
          <TextField
            id={`${prefix}-sla-response`}
            label={t("admin.service.slaResponse")}
            hint={t("admin.service.hoursHint")}
            type="number"
            min={1}
            inputMode="numeric"
            required
            value={response}
            error={error?.field("sla_response_hours")}
            onInput={setResponse}
          />
          <TextField
            id={`${prefix}-sla-resolution`}
            label={t("admin.service.slaResolution")}
            hint={t("admin.service.hoursHint")}
            type="number"
            min={1}
            inputMode="numeric"
            required
            value={resolution}
            error={error?.field("sla_resolution_hours")}
            onInput={setResolution}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("admin.service.switches")}</legend>
        {flag(
          "needs_location",
          "admin.service.needsLocation",
          "admin.service.needsLocationHint",
        )}
        {flag(
          "allows_anonymous",
          "admin.service.anonymous",
          "admin.service.anonymousHint",
        )}
        {flag("is_public", "admin.service.public", "admin.service.publicHint")}
        {flag("is_active", "admin.service.active", "admin.service.activeHint")}
      </fieldset>
      <ErrorNote error={error} />
      <FormButtons
        saving={busy}
        label={service ? undefined : t("admin.service.create")}
      />
    </form>
  );
}
