// Accounts: log in, register, log out, the own profile, password, language and account deletion.
import { type Language, setLanguage } from "../i18n";
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

export async function logIn(login: string, password: string): Promise<User> {
  return begin(
    await api<Tokens>("auth/login", {
      method: "POST",
      json: { login, password },
    }),
  );
}

export interface Registration {
  name: string;
  email?: string;
  phone?: string;
  password: string;
  locale: Language;
}

export async function register(data: Registration): Promise<User> {
  return begin(
    await api<Tokens>("auth/register", { method: "POST", json: data }),
  );
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
  const tokens = await api<Tokens>("me/password", {
    method: "POST",
    json: { current_password: current, new_password: next },
  });
  startSession(tokens.access_token, tokens.user);
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
