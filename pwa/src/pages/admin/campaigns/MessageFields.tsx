// The composer's message: title and body with counters (and their optional English), whether it
// is also published as a CAP alert, the screen a tap opens, urgency and how long push services
// keep trying to reach an offline phone.
import {
  CheckField,
  Field,
  SelectField,
  TextField,
  describedBy,
} from "../../../components/Field";
import { t } from "../../../i18n";
import {
  BODY_MAX,
  TITLE_MAX,
  TTLS,
  URGENCIES,
  URL_MAX,
  type Urgency,
} from "./api";
import type { Draft } from "./draft";
import { ttlLabel } from "./labels";

interface Props {
  draft: Draft;
  errorFor: (name: string) => string | undefined;
  /** A field changed: store it, and drop its stale error. */
  onEdit: (change: Partial<Draft>, field: string) => void;
}

type TextKey = "title" | "body" | "titleEn" | "bodyEn" | "url";

export function MessageFields({ draft, errorFor, onEdit }: Props) {
  const text =
    (name: TextKey, field: string = name) =>
    (value: string) =>
      onEdit({ [name]: value }, field);

  return (
    <>
      <TextField
        id="campaign-title"
        label={t("campaign.title")}
        required
        hint={t("campaign.counter", { n: draft.title.length, max: TITLE_MAX })}
        error={errorFor("title")}
        maxLength={TITLE_MAX}
        value={draft.title}
        onInput={text("title")}
      />
      <Field
        id="campaign-body"
        label={t("campaign.body")}
        required
        hint={t("campaign.counter", { n: draft.body.length, max: BODY_MAX })}
        error={errorFor("body")}
      >
        <textarea
          id="campaign-body"
          maxLength={BODY_MAX}
          rows={4}
          value={draft.body}
          onInput={(event) => text("body")(event.currentTarget.value)}
          aria-invalid={errorFor("body") ? true : undefined}
          aria-describedby={describedBy(
            "campaign-body",
            errorFor("body"),
            "hint",
          )}
        />
      </Field>
      <TextField
        id="campaign-title-en"
        label={t("campaign.titleEn")}
        hint={t("campaign.counter", {
          n: draft.titleEn.length,
          max: TITLE_MAX,
        })}
        error={errorFor("title_en")}
        maxLength={TITLE_MAX}
        value={draft.titleEn}
        onInput={text("titleEn", "title_en")}
      />
      <TextField
        id="campaign-body-en"
        label={t("campaign.bodyEn")}
        hint={t("campaign.counter", { n: draft.bodyEn.length, max: BODY_MAX })}
        error={errorFor("body_en")}
        multiline
        maxLength={BODY_MAX}
        value={draft.bodyEn}
        onInput={text("bodyEn", "body_en")}
      />
      <CheckField
        id="campaign-alert"
        label={t("campaign.isAlert")}
        hint={t("campaign.isAlertHint")}
        error={errorFor("is_alert")}
        checked={draft.isAlert}
        onChange={(isAlert) => onEdit({ isAlert }, "is_alert")}
      />
      <TextField
        id="campaign-url"
        label={t("campaign.url")}
        hint={t("campaign.urlHint")}
        error={errorFor("url")}
        inputMode="url"
        maxLength={URL_MAX}
        value={draft.url}
        onInput={text("url")}
      />
      <div class="campaign-pair">
        <SelectField
          id="campaign-urgency"
          label={t("campaign.urgency")}
          error={errorFor("urgency")}
          value={draft.urgency}
          onChange={(urgency) =>
            onEdit({ urgency: urgency as Urgency }, "urgency")
          }
        >
          {URGENCIES.map((urgency) => (
            <option key={urgency} value={urgency}>
              {t(`campaign.urgency.${urgency}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="campaign-ttl"
          label={t("campaign.ttl")}
          error={errorFor("ttl")}
          value={String(draft.ttl)}
          onChange={(ttl) => onEdit({ ttl: Number(ttl) }, "ttl")}
        >
          {TTLS.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {ttlLabel(seconds)}
            </option>
          ))}
        </SelectField>
      </div>
    </>
  );
}
