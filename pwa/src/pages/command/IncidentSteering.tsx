// Steering an open incident: which OPD leads it, and folding it into another open incident (its
// requests, area and warnings move there, and the operator follows it there).
import { useOpds } from "../../api/places";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useApi } from "../../api/use-api";
import { ErrorNote } from "../../components/Status";
import { localized, t } from "../../i18n";
import { areaNames } from "../../api/incidents";
import { ActionFrame, type ActionTexts, useAction } from "./ActionForm";
import {
  type IncidentDetail,
  type IncidentPage,
  OPEN_INCIDENTS_PATH,
  incidentHref,
  mergeIncident,
  setLeadOpd,
} from "./incidents-api";

interface Props {
  incident: IncidentDetail;
  onChanged: () => void;
}

/** A form of one select and one button, saying so once the API has taken it. */
function SelectForm({
  label,
  options,
  start,
  send,
  ...texts
}: ActionTexts & {
  label: string;
  options: { value: string; label: string }[];
  start: string;
  /** Sends the chosen value: true once taken, false when the person thought better of it. */
  send: (value: string) => Promise<boolean>;
}) {
  const [value, setValue] = useState(start);
  const action = useAction();
  return (
    <ActionFrame
      {...texts}
      ready={value !== ""}
      action={action}
      onSend={() => void action.run(() => send(value))}
    >
      <div class="field">
        <label for={`${texts.id}-value`}>{label}</label>
        <select
          id={`${texts.id}-value`}
          required
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
        >
          <option value="">{t("command.incident.choose")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </ActionFrame>
  );
}

export function LeadOpdForm({ incident, onChanged }: Props) {
  const opds = useOpds();
  // The select starts on the current lead, so it waits for the list that holds it.
  if (!opds.data) return <ErrorNote error={opds.error} />;
  return (
    <SelectForm
      id="cc-lead"
      title={t("command.incident.leadForm.heading")}
      label={t("command.incident.leadForm.opd")}
      options={(opds.data ?? []).map((opd) => ({
        value: opd.code,
        label: `${opd.short_name} — ${opd.name}`,
      }))}
      start={incident.lead_opd?.code ?? ""}
      button={t("command.incident.leadForm.send")}
      done={t("command.incident.leadForm.done")}
      send={async (opd) => {
        await setLeadOpd(incident.id, opd);
        onChanged();
        return true;
      }}
    />
  );
}

export function MergeForm({ incident }: Props) {
  const { route } = useLocation();
  const open = useApi<IncidentPage>(OPEN_INCIDENTS_PATH);
  const others = (open.data?.items ?? []).filter((o) => o.id !== incident.id);
  return (
    <SelectForm
      id="cc-merge"
      title={t("command.incident.merge.heading")}
      label={t("command.incident.merge.into")}
      options={others.map((other) => ({
        value: String(other.id),
        label: t("command.incident.merge.option", {
          id: other.id,
          kind: localized(other.kind.name),
          area: areaNames(other.area),
          state: t(`command.incidents.state.${other.state}`),
        }),
      }))}
      start=""
      button={t("command.incident.merge.send")}
      done={t("command.incident.merge.done")}
      send={async (target) => {
        if (
          !window.confirm(t("command.incident.merge.confirm", { id: target }))
        )
          return false;
        await mergeIncident(Number(target), incident.id);
        route(incidentHref(Number(target)));
        return true;
      }}
    />
  );
}
