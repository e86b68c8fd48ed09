// Filing a request (POST /api/v1/requests, multipart with photos) and the duplicate hint around it.
// The upload goes through XMLHttpRequest because fetch reports no upload progress.
import { language } from "../i18n";
import { DIRECT_UPLOAD_HEADER } from "../offline/outbox-store";
import type { Localized } from "./catalog";
import { api } from "./client";

/** The fields of a filing, exactly as sent: every resend of one report carries the same content. */
export interface FilingFields {
  service_code: string;
  description: string;
  attributes: Record<string, string | number | string[]>;
  lat: number | null;
  long: number | null;
  address: string | null;
  kelurahan: string | null;
  public: boolean;
  /** The pin is the device's own (GPS) position, sent with the person's consent. */
  precise_location?: boolean;
}

/** What the server answers for a filing (FiledRequestSchema), the parts the app shows. */
export interface FiledRequest {
  code: string;
  service: { code: string; name: Localized };
  status: string;
  created_at: string;
  /** Anonymous filings only: the secret for following the request, shown once. */
  tracking_token?: string;
}

export interface NearbyRequest {
  code: string;
  service: { code: string; name: Localized };
  status: string;
  description: string;
  location: { lat: number | null; long: number | null; address: string | null };
  kelurahan: { code: string; name: string } | null;
  photos: { url: string; thumb_url: string }[];
  supporter_count: number;
  created_at: string;
  distance_m: number;
  viewer: { is_reporter: boolean; has_supported: boolean };
}

/** An HTTP answer (status 0: the network failed) with its parsed JSON body, if any. */
export interface Answer {
  status: number;
  body: unknown;
}

export function filingForm(fields: FilingFields, photos: Blob[]): FormData {
  const form = new FormData();
  form.set("service_code", fields.service_code);
  form.set("description", fields.description);
  form.set("attributes", JSON.stringify(fields.attributes));
  if (fields.lat !== null && fields.long !== null) {
    form.set("lat", String(fields.lat));
    form.set("long", String(fields.long));
  }
  if (fields.address) form.set("address", fields.address);
  if (fields.kelurahan) form.set("kelurahan", fields.kelurahan);
  if (!fields.public) form.set("public", "false");
  if (fields.precise_location && fields.lat !== null)
    form.set("precise_location", "true");
  photos.forEach((photo, index) =>
    form.append("photos", photo, `foto-${index + 1}.jpg`),
  );
  return form;
}

/** Sends one filing; never rejects: a network failure answers status 0. With `onProgress` the
 * upload goes straight to the network, so that its progress can be shown; without it, through the
 * worker's outbox route, which keeps a copy to send by background sync if the network fails. */
export function postFiling(
  form: FormData,
  idempotencyKey: string,
  headers: Record<string, string>,
  onProgress?: (fraction: number) => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/requests");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", language());
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
    for (const [name, value] of Object.entries(headers))
      xhr.setRequestHeader(name, value);
    if (onProgress) {
      xhr.setRequestHeader(DIRECT_UPLOAD_HEADER, "1");
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
    }
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // An answer without JSON (a proxy's error page) still has its status.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: 0, body: null });
    xhr.timeout = 120_000;
    xhr.send(form);
  });
}

/** "Me too" on an existing request (needs a login). */
export const supportRequest = (code: string) =>
  api<{ supporter_count: number; has_supported: boolean }>(
    `requests/${encodeURIComponent(code)}/support`,
    { method: "POST" },
  );

/** The link an anonymous reporter keeps to follow the request (GET /requests/<code>?token=). */
export function trackingLink(code: string, token: string): string {
  return `${location.origin}/laporan/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`;
}
