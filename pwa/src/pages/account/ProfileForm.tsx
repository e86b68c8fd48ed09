// The own profile: name, e-mail and phone, saved with PATCH /me (only what changed).
import { useState } from "preact/hooks";
import { type ProfileChanges, updateProfile } from "../../api/auth";
import type { User } from "../../api/client";
import { useSubmit } from "../../api/use-submit";
import { TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import "./i18n";

function changes(user: User, name: string, email: string, phone: string) {
  const out: ProfileChanges = {};
  if (name.trim() !== user.name) out.name = name.trim();
  if (email.trim() !== (user.email ?? "")) out.email = email.trim() || null;
  if (phone.trim() !== (user.phone ?? "")) out.phone = phone.trim() || null;
  return out;
}

export function ProfileForm({ user }: { user: User }) {
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email ?? "");
  const [phone, setPhone] = useState(user.phone ?? "");
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, submit } = useSubmit();

  async function onSubmit(event: Event) {
    event.preventDefault();
    const changed = changes(user, name, email, phone);
    setError(undefined);
    setSaved(false);
    if (Object.keys(changed).length === 0) {
      setSaved(true);
      return;
    }
    const updated = await submit(() => updateProfile(changed));
    if (!updated) return;
    setPhone(updated.phone ?? "");
    setEmail(updated.email ?? "");
    setSaved(true);
    // A new contact shows in the code banner above until its code comes back.
  }

  const errors = {
    name: error?.field("name"),
    email: error?.field("email"),
    phone: error?.field("phone"),
  };
  return (
    <form class="card account-section" onSubmit={onSubmit} noValidate>
      <h2>{t("account.profileTitle")}</h2>
      <TextField
        id="profile-name"
        label={t("account.name")}
        error={errors.name}
        autoComplete="name"
        value={name}
        onInput={setName}
      />
      <TextField
        id="profile-email"
        label={t("account.email")}
        error={errors.email}
        type="email"
        autoComplete="email"
        value={email}
        onInput={setEmail}
      />
      <TextField
        id="profile-phone"
        label={t("account.phone")}
        hint={t("account.phoneHint")}
        error={errors.phone}
        type="tel"
        autoComplete="tel"
        value={phone}
        onInput={setPhone}
      />
      <ErrorNote
        error={errors.name || errors.email || errors.phone ? undefined : error}
      />
      <p role="status" class="saved-note">
        {saved ? t("account.profileSaved") : ""}
      </p>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("account.saveProfile")}
      </button>
    </form>
  );
}
