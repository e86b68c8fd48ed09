// The wall screen: the app's header and tab bar hidden while the command center is mounted in
// wall mode, and the browser's full screen on request.
import { useEffect } from "preact/hooks";

const BODY_CLASS = "cc-wall-body";

export function useWallChrome(wall: boolean): void {
  useEffect(() => {
    if (!wall) return;
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, [wall]);
}

export function canFullscreen(): boolean {
  return document.fullscreenEnabled === true;
}

/** Full screen for the whole page; a refusal (no user gesture, a kiosk policy) changes nothing. */
export function enterFullscreen(): void {
  if (!document.fullscreenElement) {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) {
    document.exitFullscreen().catch(() => undefined);
  }
}
