// The position a phone's camera wrote into a photo (EXIF GPS). It is read on the phone from the
// original file, because resize-photo.ts re-encodes the picture and so drops all its metadata; it
// never leaves the phone unless the person taps "Gunakan lokasi dari foto" (LocationStep).
import type { ReportDraft } from "../../offline/drafts";

export interface PhotoPoint {
  lat: number;
  long: number;
}

/** The photo's GPS position, or null when it has none or cannot be read. exifr loads on demand. */
export async function readPhotoPoint(file: Blob): Promise<PhotoPoint | null> {
  try {
    const exifr = await import("exifr/dist/mini.esm.mjs");
    const found = await exifr.gps(file);
    const { latitude, longitude } = found ?? {};
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    return { lat: latitude, long: longitude };
  } catch {
    return null;
  }
}

/** The first photo's position, if any photo of the draft carries one. */
export function firstPhotoPoint(draft: ReportDraft): PhotoPoint | null {
  return (draft.photoPoints ?? []).find((point) => point !== null) ?? null;
}
