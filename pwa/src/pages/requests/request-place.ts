// Where a filed request is, in words (components/place-text.ts), for its card and its page.
import type { ServiceRequest } from "../../api/requests";
import { placeText } from "../../components/place-text";

export function requestPlace(request: ServiceRequest): string {
  const { lat, address } = request.location;
  return placeText({
    address,
    kelurahan: request.kelurahan?.name,
    kecamatan: request.kecamatan?.name,
    pinned: lat !== null,
  });
}
