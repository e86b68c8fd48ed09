// Installing the app: Chromium's beforeinstallprompt kept for our own button, and the facts the
// iOS hint needs (Safari has no prompt: the person adds the app to the Home Screen by hand).
import { createStore } from "../../store";

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

/** The deferred prompt, while the browser offers one. */
export const installPromptStore = createStore<InstallPromptEvent | null>(null);

window.addEventListener("beforeinstallprompt", (event) => {
  // Keep Chrome's own mini-infobar away; the home screen offers the install instead.
  event.preventDefault();
  installPromptStore.set(event as InstallPromptEvent);
});
window.addEventListener("appinstalled", () => installPromptStore.set(null));

const DISMISSED_KEY = "satupintu.install.dismissed";

export function installDismissed(): boolean {
  return localStorage.getItem(DISMISSED_KEY) === "1";
}

export function dismissInstall(): void {
  localStorage.setItem(DISMISSED_KEY, "1");
}

export function isStandalone(): boolean {
  return (
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  );
}

/** iPhone, iPod, or an iPad (which says "Macintosh" but has a touch screen). */
export function isIos(): boolean {
  const agent = navigator.userAgent;
  return (
    /iPad|iPhone|iPod/.test(agent) ||
    (agent.includes("Macintosh") && navigator.maxTouchPoints > 1)
  );
}
