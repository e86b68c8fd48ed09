// exifr's smallest browser build (JPEG, TIFF/EXIF with GPS, read from a Blob) has the package's API.
declare module "exifr/dist/mini.esm.mjs" {
  export * from "exifr";
}
