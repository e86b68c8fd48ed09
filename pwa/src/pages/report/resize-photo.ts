// Photos shrink on the phone before they are stored or sent: a 12-megapixel camera picture becomes
// a JPEG of a few hundred kilobytes, which matters on a slow, metered connection.
// The server re-encodes every photo anyway (and strips its metadata); this only saves the upload.

const MAX_SIDE = 1600;
const QUALITY = 0.8;

function size(width: number, height: number): [number, number] {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  return [Math.round(width * scale), Math.round(height * scale)];
}

async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
): Promise<Blob> {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: "image/jpeg", quality: QUALITY });
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error("The photo could not be encoded.")),
      "image/jpeg",
      QUALITY,
    ),
  );
}

/** A JPEG at most 1600 px on its longer side, turned upright; rejects what is not a readable image. */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, {
    imageOrientation: "from-image",
  });
  try {
    const [width, height] = size(bitmap.width, bitmap.height);
    return await encode(bitmap, width, height);
  } finally {
    bitmap.close();
  }
}
