// A change held back for a few seconds so that a slip of the thumb can be undone: nothing reaches
// the server (or the resident's phone) until the window closes. Going to another screen of the app
// sends it at once; closing or reloading the tab within the window leaves the request unchanged.
import { useEffect, useRef, useState } from "preact/hooks";

export const UNDO_SECONDS = 5;

export function useUndoWindow<T>(send: (change: T) => void) {
  const [pending, setPending] = useState<T | null>(null);
  const held = useRef<{ change: T; timer: number } | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  function release(): void {
    const current = held.current;
    if (!current) return;
    window.clearTimeout(current.timer);
    held.current = null;
    setPending(null);
    sendRef.current(current.change);
  }

  function hold(change: T): void {
    release();
    held.current = {
      change,
      timer: window.setTimeout(release, UNDO_SECONDS * 1000),
    };
    setPending(change);
  }

  function undo(): void {
    if (held.current) window.clearTimeout(held.current.timer);
    held.current = null;
    setPending(null);
  }

  useEffect(() => release, []);

  return { pending, hold, release, undo };
}
