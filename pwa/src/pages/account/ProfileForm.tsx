// The own profile: name, e-mail and phone, saved with PATCH /me (only what changed).
import { useState } from "preact/hooks";
import { type ProfileChanges, updateProfile } from "../../api/auth";
import { ApiError, type User } from "../../api/client";
import { Field, describedBy } from "../../components/Field";
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
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const changed = changes(user, name, email, phone);
    setError(undefined);
    setSaved(false);
    if (Object.keys(changed).length === 0) {
      setSaved(true);
      return;
    }
    setBusy(true);
    try {
      const updated = await updateProfile(changed);
      setPhone(updated.phone ?? "");
      setEmail(updated.email ?? "");
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : undefined);
    } finally {
      setBusy(false);
    }
  }

  const errors = {
    name: error?.field("name"),
    email: error?.field("email"),
    phone: error?.field("phone"),
  };
  return (
    <form class="card account-section" onSubmit={submit} noValidate>
      <h2>{t("account.profileTitle")}</h2>
      <Field id="profile-name" label={t("account.name")} error={errors.name}>
        <input
          id="profile-name"
          type="text"
          autoComplete="name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("profile-name", errors.name)}
        />
      </Field>
      <Field id="profile-email" label={t("account.email")} error={errors.email}>
        <input
          id="profile-email"
          type="email"
          autoComplete="email"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("profile-email", errors.email)}
        />
      </Field>
      <Field
        id="profile-phone"
        label={t("account.phone")}
        hint={t("account.phoneHint")}
        error={errors.phone}
      >
        <input
          id="profile-phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          onInput={(e) => setPhone(e.currentTarget.value)}
          aria-invalid={errors.phone ? true : undefined}
          aria-describedby={describedBy(
            "profile-phone",
            errors.phone,
            t("account.phoneHint"),
          )}
        />
      </Field>
      {error && !errors.name && !errors.email && !errors.phone ? (
        <ErrorNote error={error} />
      ) : null}
      <p role="status" class="saved-note">
        {saved ? t("account.profileSaved") : ""}
      </p>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t("account.saveProfile")}
      </button>
    </form>
  );
}
