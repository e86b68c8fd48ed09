// One input of a service's form, by Open311 datatype, labelled in the person's language.
import { type ServiceAttribute, localized } from "../../api/catalog";
import { Field, FieldError, describedBy } from "../../components/Field";
import { t } from "../../i18n";

type Value = string | string[] | undefined;

interface Props {
  attribute: ServiceAttribute;
  value: Value;
  error: string | undefined;
  onChange: (value: string | string[]) => void;
}

/** Few choices read best as radio buttons; a long list as a select. */
const MAX_RADIOS = 6;

function Choices({ attribute, value, error, onChange }: Props) {
  const id = `attr-${attribute.code}`;
  const multiple = attribute.datatype === "multivaluelist";
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  const hint = localized(attribute.description) || undefined;
  const toggle = (key: string, on: boolean) =>
    onChange(
      multiple
        ? on
          ? [...chosen, key]
          : chosen.filter((item) => item !== key)
        : key,
    );
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <fieldset
        id={id}
        tabIndex={-1}
        aria-describedby={describedBy(id, error, hint)}
      >
        <legend>
          {localized(attribute.label)}
          {attribute.required ? (
            <>
              <span aria-hidden="true"> *</span>
              <span class="visually-hidden"> ({t("report.required")})</span>
            </>
          ) : null}
        </legend>
        {hint ? (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {(attribute.values ?? []).map((option) => (
          <label class="choice" key={option.key}>
            <input
              type={multiple ? "checkbox" : "radio"}
              name={id}
              value={option.key}
              checked={chosen.includes(option.key)}
              onChange={(event) =>
                toggle(option.key, event.currentTarget.checked)
              }
            />
            {localized(option.name)}
          </label>
        ))}
      </fieldset>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function AttributeField(props: Props) {
  const { attribute, value, error, onChange } = props;
  const list = attribute.values ?? [];
  if (
    attribute.datatype === "multivaluelist" ||
    (attribute.datatype === "singlevaluelist" && list.length <= MAX_RADIOS)
  ) {
    return <Choices {...props} />;
  }
  const id = `attr-${attribute.code}`;
  const hint = localized(attribute.description) || undefined;
  const text = typeof value === "string" ? value : "";
  const common = {
    id,
    value: text,
    "aria-required": attribute.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
  };
  const onInput = (event: Event) =>
    onChange((event.currentTarget as HTMLInputElement).value);
  let input;
  switch (attribute.datatype) {
    case "singlevaluelist":
      input = (
        <select {...common} onChange={onInput}>
          <option value="">{t("report.choose")}</option>
          {list.map((option) => (
            <option key={option.key} value={option.key}>
              {localized(option.name)}
            </option>
          ))}
        </select>
      );
      break;
    case "text":
      input = (
        <textarea {...common} rows={4} maxLength={4000} onInput={onInput} />
      );
      break;
    case "number":
      input = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          onInput={onInput}
        />
      );
      break;
    case "datetime":
      input = <input {...common} type="datetime-local" onInput={onInput} />;
      break;
    default:
      input = (
        <input {...common} type="text" maxLength={255} onInput={onInput} />
      );
  }
  return (
    <Field
      id={id}
      label={localized(attribute.label)}
      hint={hint}
      error={error}
      required={attribute.required}
    >
      {input}
    </Field>
  );
}
