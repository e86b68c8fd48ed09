// Two-factor sign-in with an authenticator app (own account) and staff invitations (the invitee's
// side): the setup shows its secret and QR code once, and the recovery codes once.
import { type User, api, startSession, updateUser, userStore } from "./client";

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recovery_codes_left: number;
}

export interface TwoFactorSetup {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export const twoFactorStatus = () => api<TwoFactorStatus>("me/two-factor");

export const startTwoFactorSetup = () =>
  api<TwoFactorSetup>("me/two-factor/setup", { method: "POST" });

function markEnabled(enabled: boolean): void {
  const user = userStore.get();
  if (user) updateUser({ ...user, two_factor_enabled: enabled });
}

/** The app's first code turns it on; answers the recovery codes (shown this once). */
export async function confirmTwoFactor(code: string): Promise<string[]> {
  const answer = await api<{ recovery_codes: string[] }>(
    "me/two-factor/confirm",
    { method: "POST", json: { code } },
  );
  markEnabled(true);
  return answer.recovery_codes;
}

export async function disableTwoFactor(password: string): Promise<void> {
  await api<void>("me/two-factor", { method: "DELETE", json: { password } });
  markEnabled(false);
}

export interface InvitationPreview {
  name: string;
  email: string;
  role: User["role"];
  opd: { code: string; name: string; short_name: string } | null;
  expires_at: string;
}

export const previewInvitation = (token: string) =>
  api<InvitationPreview>("auth/invitation", {
    method: "POST",
    json: { token },
  });

/** The invitee's own password: the account is made and signed in. */
export async function acceptInvitation(
  token: string,
  password: string,
): Promise<User> {
  const tokens = await api<{ access_token: string; user: User }>(
    "auth/invitation/accept",
    { method: "POST", json: { token, password } },
  );
  startSession(tokens.access_token, tokens.user);
  return tokens.user;
}
