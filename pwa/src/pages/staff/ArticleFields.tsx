// The article's own fields: title, summary, category (with an agenda's date and place or a
// warning's expiry), area, and for an admin's new article the OPD it speaks for.
import type { ApiError } from "../../api/client";
import { CATEGORIES } from "../../api/news";
import type { Kecamatan, Opd } from "../../api/places";
import { useApi } from "../../api/use-api";
import { Field, describedBy } from "../../components/Field";
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
  const kecamatan = useApi<Kecamatan[]>("kecamatan");
  const opds = useApi<Opd[]>(chooseOpd ? "opds" : null);

  function input(
    name: Text,
    field: string,
    label: string,
    type = "text",
    hint?: string,
    required = false,
  ) {
    const id = `article-${field}`;
    const problem = error?.field(field);
    return (
      <Field
        id={id}
        label={label}
        hint={hint}
        error={problem}
        required={required}
      >
        <input
          id={id}
          type={type}
          value={draft[name]}
          required={required}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(id, problem, hint)}
          onInput={(event) => change({ [name]: event.currentTarget.value })}
        />
      </Field>
    );
  }

  const summaryError = error?.field("summary");
  const opdError = error?.field("opd");
  const areaError = error?.field("kecamatan");
  return (
    <>
      {chooseOpd ? (
        <Field
          id="article-opd"
          label={t("staff.editor.opd")}
          error={opdError}
          required
        >
          <select
            id="article-opd"
            value={draft.opd}
            required
            aria-describedby={describedBy("article-opd", opdError)}
            onChange={(event) => change({ opd: event.currentTarget.value })}
          >
            <option value="">{t("staff.editor.chooseOpd")}</option>
            {(opds.data ?? [])
              .filter((opd) => opd.is_active)
              .map((opd) => (
                <option key={opd.code} value={opd.code}>
                  {opd.name}
                </option>
              ))}
          </select>
        </Field>
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
        <Field id="article-category" label={t("staff.editor.category")}>
          <select
            id="article-category"
            value={draft.category}
            onChange={(event) =>
              change({
                category: event.currentTarget.value as Draft["category"],
              })
            }
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="article-area"
          label={t("staff.editor.area")}
          hint={t("staff.editor.areaHint")}
          error={areaError}
        >
          <select
            id="article-area"
            value={draft.kecamatan}
            aria-describedby={describedBy("article-area", areaError, "hint")}
            onChange={(event) =>
              change({ kecamatan: event.currentTarget.value })
            }
          >
            <option value="">{t("staff.editor.wholeCity")}</option>
            {(kecamatan.data ?? []).map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </Field>
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
