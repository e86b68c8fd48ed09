// Opening an incident by hand (a phone call, say) at /command/insiden/baru: its kind (a service
// group), its kelurahan picked from a searchable list grouped by kecamatan, what is known, and
// optionally the lead OPD. It opens active, and the operator lands on its page.
import { useServiceGroups } from "../../api/catalog";
import { useKecamatan, useKelurahan, useOpds } from "../../api/places";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Kelurahan } from "../../api/places";
import { useSubmit } from "../../api/use-submit";
import { OpdOptions } from "../../components/Options";
import { ErrorNote, Loading } from "../../components/Status";
import { localized, t } from "../../i18n";
import { incidentHref, openIncident } from "./incidents-api";
import { IncidentScreen } from "./IncidentScreen";
import "./command.css";
import "./incident-tools.css";

const nameOf = (area: Kelurahan) => area.common_name ?? area.name;

function matches(area: Kelurahan, typed: string): boolean {
  const wanted = typed.trim().toLowerCase();
  return (
    !wanted ||
    [area.name, area.common_name ?? "", area.code].some((text) =>
      text.toLowerCase().includes(wanted),
    )
  );
}

function AreaPicker({
  chosen,
  onToggle,
}: {
  chosen: Set<string>;
  onToggle: (code: string) => void;
}) {
  const kecamatan = useKecamatan();
  const kelurahan = useKelurahan();
  const [typed, setTyped] = useState("");
  if (!kecamatan.data || !kelurahan.data) {
    const failure = kecamatan.error ?? kelurahan.error;
    return failure ? <ErrorNote error={failure} /> : <Loading />;
  }
  const groups = kecamatan.data
    .map((district) => ({
      district,
      areas: kelurahan.data!.filter(
        (area) => area.kecamatan === district.code && matches(area, typed),
      ),
    }))
    .filter((group) => group.areas.length > 0);
  return (
    <div class="stack">
      <div class="field">
        <label for="cc-new-search">{t("command.newIncident.search")}</label>
        <input
          id="cc-new-search"
          type="search"
          autocomplete="off"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <p class="muted" aria-live="polite">
        {t("command.newIncident.chosen", { count: chosen.size })}
      </p>
      <div class="cc-area-list">
        {groups.map(({ district, areas }) => (
          <fieldset key={district.code}>
            <legend>{district.name}</legend>
            {areas.map((area) => (
              <label key={area.code}>
                <input
                  type="checkbox"
                  checked={chosen.has(area.code)}
                  onChange={() => onToggle(area.code)}
                />
                {nameOf(area)}
              </label>
            ))}
          </fieldset>
        ))}
        {groups.length === 0 ? (
          <p class="muted">{t("command.newIncident.noMatch")}</p>
        ) : null}
      </div>
    </div>
  );
}

export function OpenIncidentForm() {
  const { route } = useLocation();
  const groups = useServiceGroups();
  const opds = useOpds();
  const [group, setGroup] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [description, setDescription] = useState("");
  const [lead, setLead] = useState("");
  const { busy, error, submit } = useSubmit();

  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (!next.delete(code)) next.add(code);
    setChosen(next);
  };
  const ready = group && chosen.size > 0 && description.trim();
  const go = async (event: Event) => {
    event.preventDefault();
    const opened = await submit(() =>
      openIncident({
        group,
        kelurahan: [...chosen],
        description: description.trim(),
        ...(lead ? { lead_opd: lead } : {}),
      }),
    );
    if (opened) route(incidentHref(opened.id));
  };

  return (
    <IncidentScreen>
      <h1>{t("command.newIncident.title")}</h1>
      <p class="muted">{t("command.newIncident.intro")}</p>
      <form class="stack" onSubmit={(event) => void go(event)}>
        <div class="field">
          <label for="cc-new-group">{t("command.newIncident.kind")}</label>
          <select
            id="cc-new-group"
            required
            value={group}
            onChange={(event) => setGroup(event.currentTarget.value)}
          >
            <option value="">{t("command.incident.choose")}</option>
            {(groups.data ?? []).map((option) => (
              <option key={option.code} value={option.code}>
                {localized(option.name)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="stack">
          <legend>{t("command.newIncident.area")}</legend>
          <AreaPicker chosen={chosen} onToggle={toggle} />
        </fieldset>
        <div class="field">
          <label for="cc-new-description">
            {t("command.newIncident.description")}
          </label>
          <textarea
            id="cc-new-description"
            rows={3}
            required
            maxLength={500}
            value={description}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="cc-new-lead">{t("command.newIncident.lead")}</label>
          <select
            id="cc-new-lead"
            value={lead}
            onChange={(event) => setLead(event.currentTarget.value)}
          >
            <option value="">{t("command.newIncident.noLead")}</option>
            <OpdOptions opds={opds.data ?? []} named />
          </select>
        </div>
        <ErrorNote error={groups.error ?? opds.error ?? error} />
        <button type="submit" class="btn btn-primary" disabled={busy || !ready}>
          {busy ? t("command.incident.sending") : t("command.newIncident.send")}
        </button>
      </form>
    </IncidentScreen>
  );
}
