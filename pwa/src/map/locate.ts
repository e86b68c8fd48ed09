// The device's position, once, for "Gunakan lokasi saya": a promise instead of the callback pair,
// with the one failure a person can act on (permission refused) told apart from the rest.

export type LocateFailure = "unsupported" | "denied" | "failed";

interface Point {
  lat: number;
  long: number;
}

/** Asks for the position now; rejects with a LocateFailure. */
export function locateDevice(): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) {
      reject("unsupported" satisfies LocateFailure);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: position.coords.latitude,
          long: position.coords.longitude,
        }),
      (failure) =>
        reject(
          (failure.code === failure.PERMISSION_DENIED
            ? "denied"
            : "failed") satisfies LocateFailure,
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
