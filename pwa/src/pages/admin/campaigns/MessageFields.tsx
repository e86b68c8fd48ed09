// The composer's message: title and body with counters, the screen a tap opens, urgency and
// how long push services keep trying to reach an offline phone.
import { describedBy, Field } from "../../../components/Field";
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

export function MessageFields({ draft, errorFor, onEdit }: Props) {
  const text =
    (name: "title" | "body" | "url") =>
    (event: { currentTarget: { value: string } }) =>
      onEdit({ [name]: event.currentTarget.value }, name);
  const invalid = (name: string) => (errorFor(name) ? true : undefined);
  const described = (id: string, name: string) =>
    describedBy(id, errorFor(name), "hint");

  return (
    <>
      <Field
        id="campaign-title"
        label={t("campaign.title")}
        required
        hint={t("campaign.counter", { n: draft.title.length, max: TITLE_MAX })}
        error={errorFor("title")}
      >
        <input
          id="campaign-title"
          type="text"
          maxLength={TITLE_MAX}
          value={draft.title}
          onInput={text("title")}
          aria-invalid={invalid("title")}
          aria-describedby={described("campaign-title", "title")}
        />
      </Field>
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
          onInput={text("body")}
          aria-invalid={invalid("body")}
          aria-describedby={described("campaign-body", "body")}
        />
      </Field>
      <Field
        id="campaign-url"
        label={t("campaign.url")}
        hint={t("campaign.urlHint")}
        error={errorFor("url")}
      >
        <input
          id="campaign-url"
          type="text"
          inputMode="url"
          autoComplete="off"
          maxLength={URL_MAX}
          value={draft.url}
          onInput={text("url")}
          aria-invalid={invalid("url")}
          aria-describedby={described("campaign-url", "url")}
        />
      </Field>
      <div class="campaign-pair">
        <Field
          id="campaign-urgency"
          label={t("campaign.urgency")}
          error={errorFor("urgency")}
        >
          <select
            id="campaign-urgency"
            value={draft.urgency}
            aria-invalid={invalid("urgency")}
            aria-describedby={describedBy(
              "campaign-urgency",
              errorFor("urgency"),
            )}
            onChange={(event) =>
              onEdit(
                { urgency: event.currentTarget.value as Urgency },
                "urgency",
              )
            }
          >
            {URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`campaign.urgency.${urgency}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="campaign-ttl"
          label={t("campaign.ttl")}
          error={errorFor("ttl")}
        >
          <select
            id="campaign-ttl"
            value={String(draft.ttl)}
            aria-invalid={invalid("ttl")}
            aria-describedby={describedBy("campaign-ttl", errorFor("ttl"))}
            onChange={(event) =>
              onEdit({ ttl: Number(event.currentTarget.value) }, "ttl")
            }
          >
            {TTLS.map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {ttlLabel(seconds)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
