import { render } from "preact";
import { App } from "./app.tsx";
import { refreshSession, userStore } from "./api/client";
import { loadCity } from "./api/places";
import { registerServiceWorker } from "./offline/sw-bridge";
// Catches the browser's install offer whichever screen the app opens on; the home screen shows it.
import "./pages/home/install";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/cards.css";
import "./styles/buttons.css";
import "./styles/forms.css";
import "./styles/banners.css";
import "./styles/badges.css";
import "./styles/tables.css";
import "./styles/navigation.css";
import "./styles/maps.css";

const root = document.getElementById("app");
if (root) render(<App />, root);

void loadCity();
// A remembered login gets its access token back silently (the refresh cookie is HttpOnly).
if (userStore.get()) void refreshSession();
registerServiceWorker();
void import("./offline/outbox").then((outbox) => outbox.startOutbox());
