// Blob URLs for showing stored photos, released when the photos change or the screen closes.
import { useEffect, useMemo } from "preact/hooks";

export function useObjectUrls(blobs: Blob[]): string[] {
  const urls = useMemo(
    () => blobs.map((blob) => URL.createObjectURL(blob)),
    [blobs],
  );
  useEffect(
    () => () => urls.forEach((url) => URL.revokeObjectURL(url)),
    [urls],
  );
  return urls;
}
