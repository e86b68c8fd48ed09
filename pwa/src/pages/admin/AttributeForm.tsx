// One attribute of a service's form: adding it (code and datatype are chosen once) or editing it.
import { useState } from "preact/hooks";
import { useSubmit } from "../../api/use-submit";
import { CheckField, SelectField, TextField } from "../../components/Field";
import { NamedOptions } from "../../components/Options";
import { t } from "../../i18n";
import {
  type AttributeInput,
  DATATYPES,
  type Datatype,
  type Service,
  type ServiceAttribute,
  addAttribute,
  isList,
  updateAttribute,
} from "./api";
import { InlineForm, LocalizedFields } from "./FormFields";
import { fromTexts, optionalTexts, toTexts, wholeNumber } from "./texts";
import { type ValueRow, ValuesEditor, fromRows, toRows } from "./ValuesEditor";

interface Props {
  service: string;
  /** The attribute being edited; none when adding one. */
  attribute?: ServiceAttribute;
  nextOrder?: number;
  onSaved: (service: Service, code: string) => void;
  onCancel: () => void;
}

export function AttributeForm({
  service,
  attribute,
  nextOrder = 0,
  onSaved,
  onCancel,
}: Props) {
  const [code, setCode] = useState(attribute?.code ?? "");
  const [datatype, setDatatype] = useState<Datatype>(
    attribute?.datatype ?? "string",
  );
  const [label, setLabel] = useState(toTexts(attribute?.label));
  const [description, setDescription] = useState(
    toTexts(attribute?.description),
  );
  const [required, setRequired] = useState(attribute?.required ?? false);
  const [order, setOrder] = useState(String(attribute?.order ?? nextOrder));
  const [pattern, setPattern] = useState(attribute?.pattern ?? "");
  const [rows, setRows] = useState<ValueRow[]>(toRows(attribute?.values));
  const [isPublic, setPublic] = useState(attribute?.is_public ?? true);
  const [active, setActive] = useState(attribute?.is_active ?? true);
  const { busy, error, submit } = useSubmit();
  const prefix = attribute ? `attribute-${attribute.code}` : "attribute-new";

  async function save() {
    const input: AttributeInput = {
      required,
      order: wholeNumber(order),
      label: fromTexts(label),
      description: optionalTexts(description),
      pattern: datatype === "string" ? pattern.trim() || null : null,
      values: isList(datatype) ? fromRows(rows) : null,
      is_public: isPublic,
    };
    const answer = await submit(() =>
      attribute
        ? updateAttribute(service, attribute.code, {
            ...input,
            is_active: active,
          })
        : addAttribute(service, { ...input, code: code.trim(), datatype }),
    );
    if (answer) onSaved(answer, attribute?.code ?? code.trim());
  }

  const title = attribute
    ? t("admin.attribute.editOne", { code: attribute.code })
    : t("admin.attribute.add");
  return (
    <InlineForm
      title={title}
      heading="h3"
      busy={busy}
      error={error}
      saveLabel={t("admin.attribute.save")}
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <div class="admin-grid">
        <TextField
          id={`${prefix}-code`}
          label={t("admin.attribute.code")}
          hint={attribute ? t("admin.attribute.fixed") : t("admin.codeHint")}
          required
          readOnly={Boolean(attribute)}
          maxLength={40}
          value={code}
          error={error?.field("code")}
          onInput={(value) => setCode(value.toLowerCase())}
        />
        {attribute ? (
          <TextField
            id={`${prefix}-datatype`}
            label={t("admin.attribute.datatype")}
            hint={t("admin.attribute.fixed")}
            readOnly
            value={t(`admin.datatype.${datatype}`)}
            onInput={() => undefined}
          />
        ) : (
          <SelectField
            id={`${prefix}-datatype`}
            label={t("admin.attribute.datatype")}
            hint={t("admin.attribute.datatypeHint")}
            required
            value={datatype}
            error={error?.field("datatype")}
            onChange={(value) => setDatatype(value as Datatype)}
          >
            <NamedOptions names={DATATYPES} texts="admin.datatype" />
          </SelectField>
        )}
        <TextField
          id={`${prefix}-order`}
          label={t("admin.attribute.order")}
          hint={t("admin.attribute.orderHint")}
          type="number"
          min={0}
          inputMode="numeric"
          value={order}
          error={error?.field("order")}
          onInput={setOrder}
        />
      </div>
      <LocalizedFields
        id={`${prefix}-label`}
        label={t("admin.attribute.label")}
        required
        value={label}
        name="label"
        error={error}
        onInput={setLabel}
      />
      <LocalizedFields
        id={`${prefix}-description`}
        label={t("admin.attribute.description")}
        multiline
        value={description}
        name="description"
        error={error}
        onInput={setDescription}
      />
      {datatype === "string" ? (
        <TextField
          id={`${prefix}-pattern`}
          label={t("admin.attribute.pattern")}
          hint={t("admin.attribute.patternHint")}
          maxLength={200}
          value={pattern}
          error={error?.field("pattern")}
          onInput={setPattern}
        />
      ) : null}
      {isList(datatype) ? (
        <ValuesEditor
          id={`${prefix}-values`}
          rows={rows}
          error={error}
          onChange={setRows}
        />
      ) : null}
      <CheckField
        id={`${prefix}-required`}
        label={t("admin.attribute.requiredLabel")}
        checked={required}
        error={error?.field("required")}
        onChange={setRequired}
      />
      <CheckField
        id={`${prefix}-public`}
        label={t("admin.attribute.publicLabel")}
        hint={t("admin.attribute.publicHint")}
        checked={isPublic}
        error={error?.field("is_public")}
        onChange={setPublic}
      />
      {attribute ? (
        <CheckField
          id={`${prefix}-active`}
          label={t("admin.attribute.activeLabel")}
          hint={t("admin.attribute.activeHint")}
          checked={active}
          error={error?.field("is_active")}
          onChange={setActive}
        />
      ) : null}
    </InlineForm>
  );
}
