// The report's photos as thumbnails; each opens the full image.
import type { RequestPhoto } from "../../api/requests";
import { t } from "../../i18n";

export function PhotoList({ photos }: { photos: RequestPhoto[] }) {
  if (!photos.length) return null;
  return (
    <section aria-labelledby="foto">
      <h2 id="foto">{t("requests.page.photos")}</h2>
      <ul class="photo-list">
        {photos.map((photo, index) => (
          <li key={photo.url}>
            <a href={photo.url}>
              <img
                src={photo.thumb_url}
                alt={t("requests.page.photo", {
                  number: index + 1,
                  total: photos.length,
                })}
                width={photo.width >= photo.height ? 160 : 120}
                height={photo.width >= photo.height ? 120 : 160}
                loading="lazy"
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
