import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n";

const DEFAULT_CITY = "";

interface CityInfo {
  short_name: string;
}

function isCityInfo(value: unknown): value is CityInfo {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { short_name?: unknown }).short_name === "string" &&
    (value as { short_name: string }).short_name.trim() !== ""
  );
}

/** GET /api/v1/city; resolves to null on any failure (kept silent). */
async function fetchCityName(signal: AbortSignal): Promise<string | null> {
  try {
    const res = await fetch("/api/v1/city", {
      headers: { Accept: "application/json" },
      signal,
    });
    if (!res.ok) return null;
    const data: unknown = await res.json();
    return isCityInfo(data) ? data.short_name.trim() : null;
  } catch {
    return null;
  }
}

export function App() {
  const [city, setCity] = useState(DEFAULT_CITY);

  useEffect(() => {
    const ctrl = new AbortController();
    void fetchCityName(ctrl.signal).then((name) => {
      if (name !== null && !ctrl.signal.aborted) setCity(name);
    });
    return () => ctrl.abort();
  }, []);

  return (
    <>
      <header class="site-header">
        <p class="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>SatuPintu</span>
        </p>
      </header>
      <main id="konten" class="content">
        <h1>SatuPintu {city}</h1>
        <p class="lead">{t("app.tagline")}</p>
        <p class="notice">{t("app.building")}</p>
        <p>
          <a href="/api/docs">{t("app.apiDocs")}</a>
        </p>
      </main>
      <footer class="site-footer">
        <p>{t("app.footer", { city: city || t("app.cityFallback") })}</p>
      </footer>
    </>
  );
}
