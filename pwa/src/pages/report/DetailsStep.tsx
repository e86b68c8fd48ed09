// Step 2: the service's own questions (its attributes) and the person's description.
import { formAttributes, localized } from "../../api/catalog";
import { Field, describedBy } from "../../components/Field";
import { t } from "../../i18n";
import type { ReportDraft } from "../../offline/drafts";
import { AttributeField } from "./AttributeField";
import { type Problems, serverError, withoutError } from "./fields";

interface Props {
  draft: ReportDraft;
  problems: Problems;
  onChange: (patch: Partial<ReportDraft>) => void;
  onChangeService: () => void;
}

export function DetailsStep({
  draft,
  problems,
  onChange,
  onChangeService,
}: Props) {
  const service = draft.service!;
  const attributes = formAttributes(service);
  const descriptionError =
    problems.description ?? serverError(draft.errors, "description");
  return (
    <div>
      <p class="chosen-service">
        <span>
          {t("report.details.service")}{" "}
          <strong>{localized(service.name)}</strong>
        </span>
        <button type="button" class="btn btn-small" onClick={onChangeService}>
          {t("report.change")}
        </button>
      </p>
      {attributes.map((attribute) => (
        <AttributeField
          key={attribute.code}
          attribute={attribute}
          value={draft.attributes[attribute.code]}
          error={
            problems[`attr-${attribute.code}`] ??
            serverError(draft.errors, "attributes", attribute.code)
          }
          onChange={(value) =>
            onChange({
              attributes: { ...draft.attributes, [attribute.code]: value },
              errors: withoutError(draft.errors, "attributes", attribute.code),
            })
          }
        />
      ))}
      <Field
        id="description"
        label={t("report.details.description")}
        hint={t("report.details.descriptionHint")}
        error={descriptionError}
      >
        <textarea
          id="description"
          rows={5}
          maxLength={4000}
          value={draft.description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={describedBy(
            "description",
            descriptionError,
            t("report.details.descriptionHint"),
          )}
          onInput={(event) =>
            onChange({
              description: event.currentTarget.value,
              errors: withoutError(draft.errors, "description"),
            })
          }
        />
      </Field>
    </div>
  );
}
