// Adding or editing an agency (OPD): code (only when adding), names, contact and active flag.
import { useState } from "preact/hooks";
import type { Opd } from "../../api/places";
import { useSubmit } from "../../api/use-submit";
import { CheckField, TextField } from "../../components/Field";
import { t } from "../../i18n";
import { type OpdInput, createOpd, updateOpd } from "./api";
import { InlineForm } from "./FormFields";

interface Props {
  /** The agency being edited; none when adding one. */
  opd?: Opd;
  onSaved: (opd: Opd) => void;
  onCancel: () => void;
}

const blankToNull = (text: string) => (text.trim() ? text.trim() : null);

export function OpdForm({ opd, onSaved, onCancel }: Props) {
  const [code, setCode] = useState(opd?.code ?? "");
  const [name, setName] = useState(opd?.name ?? "");
  const [shortName, setShortName] = useState(opd?.short_name ?? "");
  const [email, setEmail] = useState(opd?.email ?? "");
  const [phone, setPhone] = useState(opd?.phone ?? "");
  const [address, setAddress] = useState(opd?.address ?? "");
  const [active, setActive] = useState(opd?.is_active ?? true);
  const { busy, error, submit } = useSubmit();
  const prefix = opd ? `opd-${opd.code}` : "opd-new";

  async function save() {
    const input: OpdInput = {
      name: name.trim(),
      short_name: shortName.trim(),
      email: blankToNull(email),
      phone: blankToNull(phone),
      address: blankToNull(address),
      is_active: active,
    };
    const saved = await submit(() =>
      opd
        ? updateOpd(opd.code, input)
        : createOpd({ ...input, code: code.trim() }),
    );
    if (saved) onSaved(saved);
  }

  const title = opd
    ? t("admin.opds.editOne", { name: opd.short_name })
    : t("admin.opds.add");
  return (
    <InlineForm
      title={title}
      heading="h2"
      busy={busy}
      error={error}
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <div class="admin-grid">
        {opd ? null : (
          <TextField
            id={`${prefix}-code`}
            label={t("admin.opds.code")}
            hint={t("admin.opds.codeHint")}
            required
            maxLength={32}
            value={code}
            error={error?.field("code")}
            onInput={(value) => setCode(value.toUpperCase())}
          />
        )}
        <TextField
          id={`${prefix}-name`}
          label={t("admin.opds.name")}
          required
          maxLength={200}
          value={name}
          error={error?.field("name")}
          onInput={setName}
        />
        <TextField
          id={`${prefix}-short`}
          label={t("admin.opds.shortName")}
          required
          maxLength={60}
          value={shortName}
          error={error?.field("short_name")}
          onInput={setShortName}
        />
        <TextField
          id={`${prefix}-email`}
          label={t("admin.opds.email")}
          type="email"
          value={email}
          error={error?.field("email")}
          onInput={setEmail}
        />
        <TextField
          id={`${prefix}-phone`}
          label={t("admin.opds.phone")}
          type="tel"
          value={phone}
          error={error?.field("phone")}
          onInput={setPhone}
        />
        <TextField
          id={`${prefix}-address`}
          label={t("admin.opds.address")}
          value={address}
          error={error?.field("address")}
          onInput={setAddress}
        />
      </div>
      <CheckField
        id={`${prefix}-active`}
        label={t("admin.opds.active")}
        hint={t("admin.opds.activeHint")}
        checked={active}
        error={error?.field("is_active")}
        onChange={setActive}
      />
    </InlineForm>
  );
}
