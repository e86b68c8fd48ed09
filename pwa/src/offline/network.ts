// Whether the browser believes it is online; the offline banner and the outbox listen to it.
import { createStore } from "../store";

export const onlineStore = createStore<boolean>(navigator.onLine);
window.addEventListener("online", () => onlineStore.set(true));
window.addEventListener("offline", () => onlineStore.set(false));
