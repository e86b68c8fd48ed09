// The password a signed-in person types to confirm a change (a new password, turning off the second
// factor, deleting the account): the password manager offers the saved one.
import { TextField } from "../../components/Field";
import { t } from "../../i18n";

interface Props {
  id: string;
  /** The label's text; "Kata sandi saat ini" when not given. */
  label?: string;
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
}

export function CurrentPasswordField({
  id,
  label,
  value,
  onInput,
  error,
}: Props) {
  return (
    <TextField
      id={id}
      label={label ?? t("account.currentPassword")}
      error={error}
      type="password"
      autoComplete="current-password"
      value={value}
      onInput={onInput}
    />
  );
}
