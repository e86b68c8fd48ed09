// Moderation: find public requests, comments and articles, and hide (or show again) what breaks
// the rules. Hidden items stay on record and leave every public answer.
import { useState } from "preact/hooks";
import { SelectField } from "../../components/Field";
import { t } from "../../i18n";
import type { Shown } from "./api";
import {
  ModeratedArticles,
  ModeratedComments,
  ModeratedRequests,
} from "./ModeratedLists";
import { AdminNotice } from "./FormFields";
import "./i18n";
import "./admin.css";

const KINDS = [
  { key: "requests", List: ModeratedRequests },
  { key: "comments", List: ModeratedComments },
  { key: "articles", List: ModeratedArticles },
] as const;
type Kind = (typeof KINDS)[number]["key"];

export function Moderation() {
  const [kind, setKind] = useState<Kind>("requests");
  const [shown, setShown] = useState<Shown>("all");
  const [notice, setNotice] = useState("");
  const current = KINDS.find((one) => one.key === kind) ?? KINDS[0];

  return (
    <section>
      <p>
        <a href="/admin">{t("admin.back")}</a>
      </p>
      <h1>{t("admin.moderation.title")}</h1>
      <p class="muted">{t("admin.moderation.lead")}</p>
      <div class="admin-toolbar">
        <div class="field">
          <p class="admin-group-label" id="moderation-kind">
            {t("admin.moderation.kind")}
          </p>
          <div class="row" role="group" aria-labelledby="moderation-kind">
            {KINDS.map((one) => (
              <button
                key={one.key}
                type="button"
                class={
                  one.key === kind
                    ? "btn btn-small btn-primary"
                    : "btn btn-small"
                }
                aria-pressed={one.key === kind}
                onClick={() => {
                  setKind(one.key);
                  setNotice("");
                }}
              >
                {t(`admin.moderation.${one.key}`)}
              </button>
            ))}
          </div>
        </div>
        <SelectField
          id="moderation-shown"
          label={t("admin.moderation.shown")}
          value={shown}
          onChange={(value) => setShown(value as Shown)}
        >
          <option value="all">{t("admin.moderation.shownAll")}</option>
          <option value="visible">{t("admin.moderation.shownVisible")}</option>
          <option value="hidden">{t("admin.moderation.shownHidden")}</option>
        </SelectField>
      </div>
      <AdminNotice text={notice} />
      <h2>{t(`admin.moderation.${kind}`)}</h2>
      <current.List key={kind} shown={shown} onNotice={setNotice} />
    </section>
  );
}
