// What an operator does with an open incident: the area alert (prefilled, editable, asked once
// more), a public status update, a note, and closing it with one message to every reporter.
import { areaNames } from "../../api/incidents";
import { t } from "../../i18n";
import { ActionForm } from "./ActionForm";
import {
  type IncidentDetail,
  addNote,
  closeIncident,
  publishUpdate,
  sendAlert,
} from "./incidents-api";

interface Props {
  incident: IncidentDetail;
  onChanged: () => void;
}

export function AlertForm({ incident, onChanged }: Props) {
  const draft = incident.alert_draft;
  const text = (name: string, max: number, multiline = false) => ({
    name,
    max,
    multiline,
    label: t(`command.incident.alert.${name}`),
    value: draft[name as keyof typeof draft],
  });
  return (
    <ActionForm
      id="cc-alert"
      title={t("command.incident.alert.heading")}
      fields={[
        text("title", 100),
        text("body", 300, true),
        text("title_en", 100),
        text("body_en", 300, true),
      ]}
      button={t("command.incident.alert.send")}
      done={t("command.incident.alert.done")}
      ask={() =>
        t("command.incident.alert.confirm", {
          area: areaNames(incident.area),
        })
      }
      send={(value) =>
        sendAlert(incident.id, {
          title: value("title"),
          body: value("body"),
          title_en: value("title_en"),
          body_en: value("body_en"),
        })
      }
      onDone={onChanged}
    />
  );
}

export function UpdateForm({ incident, onChanged }: Props) {
  return (
    <ActionForm
      id="cc-update"
      title={t("command.incident.update.heading")}
      fields={[
        {
          name: "title",
          max: 200,
          label: t("command.incident.update.titleLabel"),
        },
        {
          name: "summary",
          max: 500,
          multiline: true,
          label: t("command.incident.update.summary"),
        },
      ]}
      button={t("command.incident.update.send")}
      done={t("command.incident.update.done")}
      send={(value) =>
        publishUpdate(incident.id, value("title"), value("summary"))
      }
      onDone={onChanged}
    />
  );
}

export function CloseForm({ incident, onChanged }: Props) {
  return (
    <ActionForm
      id="cc-close"
      title={t("command.incident.close.heading")}
      fields={[
        {
          name: "message",
          max: 1000,
          multiline: true,
          label: t("command.incident.close.message"),
        },
      ]}
      button={t("command.incident.close.send")}
      done={t("command.incident.close.done")}
      ask={() =>
        t("command.incident.close.confirm", {
          count: incident.report_count,
        })
      }
      send={(value) => closeIncident(incident.id, value("message"))}
      onDone={onChanged}
    />
  );
}

export function NoteForm({ incident, onChanged }: Props) {
  return (
    <ActionForm
      id="cc-note"
      title={t("command.incident.note.heading")}
      fields={[
        {
          name: "text",
          max: 2000,
          multiline: true,
          label: t("command.incident.note.text"),
        },
      ]}
      button={t("command.incident.note.send")}
      done={t("command.incident.note.done")}
      send={(value) => addNote(incident.id, value("text"))}
      onDone={onChanged}
    />
  );
}
