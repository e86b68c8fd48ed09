// The one field a 6-digit code is typed or pasted into (a code sent by mail or SMS, or an
// authenticator app's): digits only, and the phone's keyboard and SMS autofill offer it.
import { TextField } from "../../components/Field";

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (code: string) => void;
  error?: string;
}

export function CodeField({ id, label, hint, value, onInput, error }: Props) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      error={error}
      name="one-time-code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      class="code-input"
      required
      value={value}
      onInput={(typed) => onInput(typed.replace(/\D/g, "").slice(0, 6))}
    />
  );
}
