// Adding or editing an agency (OPD): code (only when adding), names, contact and active flag.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import type { Opd } from "../../api/places";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { type OpdInput, createOpd, updateOpd } from "./api";
import { CheckField, TextField } from "./FormFields";

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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const prefix = opd ? `opd-${opd.code}` : "opd-new";

  useEffect(() => {
    form.current?.querySelector("input")?.focus();
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const input: OpdInput = {
      name: name.trim(),
      short_name: shortName.trim(),
      email: blankToNull(email),
      phone: blankToNull(phone),
      address: blankToNull(address),
      is_active: active,
    };
    setSaving(true);
    setError(null);
    try {
      onSaved(
        opd
          ? await updateOpd(opd.code, input)
          : await createOpd({ ...input, code: code.trim() }),
      );
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure
          : new ApiError(0, t("error.generic")),
      );
    } finally {
      setSaving(false);
    }
  }

  const title = opd
    ? t("admin.opds.editOne", { name: opd.short_name })
    : t("admin.opds.add");
  return (
    <form
      ref={form}
      class="admin-inline-form"
      aria-label={title}
      noValidate
      onSubmit={save}
    >
      <h2 class="admin-form-title">{title}</h2>
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
      <ErrorNote error={error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={saving}>
          {saving ? t("admin.saving") : t("admin.save")}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
