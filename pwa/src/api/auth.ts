// Accounts: log in, register (with its code), codes for a forgotten password and sign-in, log out,
// the own profile (a new contact confirmed by code), password, language and account deletion.
import { type Language, language, setLanguage } from "../i18n";
import {
  type User,
  api,
  csrfHeader,
  endSession,
  startSession,
  updateUser,
  userStore,
} from "./client";

interface Tokens {
  access_token: string;
  user: User;
}

function begin(tokens: Tokens): User {
  startSession(tokens.access_token, tokens.user);
  return tokens.user;
}

const post = <T>(path: string, json: unknown) =>
  api<T>(path, { method: "POST", json });

/** Posts to an endpoint that answers tokens: the person is then logged in on this device. */
async function signInAt(path: string, json: unknown): Promise<User> {
  return begin(await post<Tokens>(path, json));
}

/** The first step of signing in: the person is in, or (two-factor sign-in) the challenge for the
 * second step. */
export type SignIn = { user: User } | { challenge: string };

interface SignInAnswer {
  access_token?: string;
  user?: User;
  second_factor?: { token: string; expires_in: number };
}

function beginOrChallenge(answer: SignInAnswer): SignIn {
  if (answer.second_factor) return { challenge: answer.second_factor.token };
  return { user: begin(answer as Tokens) };
}

export async function logIn(login: string, password: string): Promise<SignIn> {
  return beginOrChallenge(
    await post<SignInAnswer>("auth/login", { login, password }),
  );
}

/** The second step: a code from the authenticator app, or one recovery code. */
export async function completeSignIn(
  challenge: string,
  factor: { code: string } | { recovery_code: string },
): Promise<User> {
  return signInAt("auth/second-factor", { token: challenge, ...factor });
}

export interface Registration {
  name: string;
  email?: string;
  phone?: string;
  password: string;
  locale: Language;
  /** The privacy notice version the person ticked as read and accepted. */
  privacy_version: string;
}

/** Where a one-time code went; the same answer whether or not the login has an account. */
export interface CodeSent {
  login: string;
  channel: "email" | "sms" | "whatsapp";
  expires_in: number;
  resend_in: number;
}

/** Sends a code to the contact; the account exists once `confirmRegistration` gives it back. */
export async function register(data: Registration): Promise<CodeSent> {
  return post<CodeSent>("auth/register", data);
}

export async function confirmRegistration(
  login: string,
  code: string,
): Promise<User> {
  return signInAt("auth/register/confirm", { login, code });
}

/** A code for a forgotten password ("password-reset") or to sign in without one ("code"). */
export async function requestCode(
  purpose: "password-reset" | "code",
  login: string,
): Promise<CodeSent> {
  return post<CodeSent>(`auth/${purpose}`, { login, locale: language() });
}

/** Every other login ends; this device is logged in with the new password. */
export async function resetPassword(
  login: string,
  code: string,
  newPassword: string,
): Promise<SignIn> {
  return beginOrChallenge(
    await post<SignInAnswer>("auth/password-reset/confirm", {
      login,
      code,
      new_password: newPassword,
    }),
  );
}

export async function signInWithCode(
  login: string,
  code: string,
): Promise<User> {
  return signInAt("auth/code/confirm", { login, code });
}

/** The code sent to a new e-mail or phone: it replaces the old one. */
export async function confirmContact(
  login: string,
  code: string,
): Promise<User> {
  const user = await post<User>("me/contact/confirm", { login, code });
  updateUser(user);
  return user;
}

/** Ends the login on the server (refresh cookie + CSRF header) and always on this device, even
 * when the server cannot be reached: a person who taps "Keluar" must be logged out. */
export async function logOut(): Promise<void> {
  try {
    await api<void>("auth/logout", { method: "POST", headers: csrfHeader() });
  } catch {
    // The server's session then simply expires.
  } finally {
    endSession();
  }
}

export interface ProfileChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  locale?: Language;
}

export async function updateProfile(changes: ProfileChanges): Promise<User> {
  const user = await api<User>("me", { method: "PATCH", json: changes });
  updateUser(user);
  return user;
}

/** Other logins end; this one gets fresh tokens. */
export async function changePassword(
  current: string,
  next: string,
): Promise<void> {
  await signInAt("me/password", {
    current_password: current,
    new_password: next,
  });
}

export async function deleteAccount(password: string): Promise<void> {
  await api<void>("me", { method: "DELETE", json: { password } });
  endSession();
}

/** Switches the app's language now, and the account's (for pushes and e-mails) when logged in. */
export async function chooseLanguage(next: Language): Promise<void> {
  setLanguage(next);
  if (userStore.get()) {
    try {
      await updateProfile({ locale: next });
    } catch {
      // The device keeps the choice; the account follows the next time it is changed online.
    }
  }
}

/** An e-mail or an Indonesian phone number typed into one field, sent as the right one. */
export function contactFields(text: string): {
  email?: string;
  phone?: string;
} {
  const value = text.trim();
  return value.includes("@") ? { email: value } : { phone: value };
}
