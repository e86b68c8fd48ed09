// The one field where a person chooses a password: registering, resetting, changing it, or
// accepting an invitation. The password manager offers a new one (autocomplete="new-password").
import { TextField } from "../../components/Field";
import { t } from "../../i18n";

interface Props {
  id: string;
  /** The label's text; "Kata sandi baru" when not given. */
  label?: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

export function NewPasswordField({ id, label, value, onInput, error }: Props) {
  return (
    <TextField
      id={id}
      label={label ?? t("account.newPassword")}
      hint={t("account.passwordHint")}
      error={error}
      type="password"
      autoComplete="new-password"
      minLength={8}
      required
      value={value}
      onInput={onInput}
    />
  );
}
