// The e-mail address or phone number an account is known by, as typed to log in or to ask for a
// code: the password manager fills it (username), and the keyboard offers "@".
import { TextField } from "../../components/Field";
import { t } from "../../i18n";

interface Props {
  id: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
}

export function LoginIdField({ id, hint, value, onInput, error }: Props) {
  return (
    <TextField
      id={id}
      label={t("account.loginId")}
      hint={hint}
      error={error}
      name="username"
      inputMode="email"
      autoComplete="username"
      autoCapitalize="none"
      spellcheck={false}
      required
      value={value}
      onInput={onInput}
    />
  );
}
