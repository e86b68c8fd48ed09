// The article's own fields: title, summary, category (with an agenda's date and place or a
// warning's expiry), area, and for an admin's new article the OPD it speaks for.
import { useKecamatan, useOpds } from "../../api/places";
import type { ApiError } from "../../api/client";
import { CATEGORIES } from "../../api/news";
import {
  Field,
  SelectField,
  TextField,
  describedBy,
} from "../../components/Field";
import { KecamatanOptions } from "../../components/Options";
import { t } from "../../i18n";
import type { Draft } from "./editor-state";

interface Props {
  draft: Draft;
  change: (changes: Partial<Draft>) => void;
  error: ApiError | undefined;
  /** Admins creating an article pick its OPD. */
  chooseOpd: boolean;
}

type Text = Exclude<keyof Draft, "cover" | "category">;

export function ArticleFields({ draft, change, error, chooseOpd }: Props) {
  const kecamatan = useKecamatan();
  const opds = useOpds(chooseOpd);

  function input(
    name: Text,
    field: string,
    label: string,
    type = "text",
    hint?: string,
    required = false,
  ) {
    return (
      <TextField
        id={`article-${field}`}
        label={label}
        hint={hint}
        error={error?.field(field)}
        required={required}
        type={type}
        value={draft[name]}
        onInput={(value) => change({ [name]: value })}
      />
    );
  }

  const summaryError = error?.field("summary");
  return (
    <>
      {chooseOpd ? (
        <SelectField
          id="article-opd"
          label={t("staff.editor.opd")}
          error={error?.field("opd")}
          required
          value={draft.opd}
          onChange={(opd) => change({ opd })}
          blank={t("staff.editor.chooseOpd")}
        >
          {(opds.data ?? [])
            .filter((opd) => opd.is_active)
            .map((opd) => (
              <option key={opd.code} value={opd.code}>
                {opd.name}
              </option>
            ))}
        </SelectField>
      ) : null}
      {input(
        "title",
        "title",
        t("staff.editor.title"),
        "text",
        undefined,
        true,
      )}
      <Field
        id="article-summary"
        label={t("staff.editor.summary")}
        hint={t("staff.editor.summaryHint")}
        error={summaryError}
      >
        <textarea
          id="article-summary"
          class="staff-summary"
          value={draft.summary}
          maxLength={500}
          aria-describedby={describedBy(
            "article-summary",
            summaryError,
            "hint",
          )}
          onInput={(event) => change({ summary: event.currentTarget.value })}
        />
      </Field>
      <div class="staff-field-pair">
        <SelectField
          id="article-category"
          label={t("staff.editor.category")}
          value={draft.category}
          onChange={(category) =>
            change({ category: category as Draft["category"] })
          }
        >
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="article-area"
          label={t("staff.editor.area")}
          hint={t("staff.editor.areaHint")}
          error={error?.field("kecamatan")}
          value={draft.kecamatan}
          onChange={(kecamatan) => change({ kecamatan })}
          blank={t("staff.editor.wholeCity")}
        >
          <KecamatanOptions kecamatan={kecamatan.data ?? []} />
        </SelectField>
      </div>
      {draft.category === "agenda" ? (
        <fieldset class="staff-fieldset">
          <legend>{t("staff.editor.event")}</legend>
          <div class="staff-field-pair">
            {input(
              "eventStartsAt",
              "event_starts_at",
              t("staff.editor.eventStarts"),
              "datetime-local",
              t("staff.editor.cityTime"),
              true,
            )}
            {input(
              "eventEndsAt",
              "event_ends_at",
              t("staff.editor.eventEnds"),
              "datetime-local",
              t("staff.editor.cityTime"),
            )}
          </div>
          {input(
            "eventPlace",
            "event_place",
            t("staff.editor.eventPlace"),
            "text",
            undefined,
            true,
          )}
        </fieldset>
      ) : null}
      {draft.category === "peringatan"
        ? input(
            "expiresAt",
            "expires_at",
            t("staff.editor.expires"),
            "datetime-local",
            t("staff.editor.expiresHint"),
            true,
          )
        : null}
    </>
  );
}
