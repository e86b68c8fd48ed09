// A request's photos as thumbnails; each opens the full image.
import type { RequestPhoto } from "../api/requests";
import { t } from "../i18n";
import "../pages/requests/i18n";
import "./PhotoList.css";

interface Props {
  photos: RequestPhoto[];
  /** Staff keep the work page open beside the full image. */
  newTab?: boolean;
}

export function PhotoList({ photos, newTab = false }: Props) {
  if (!photos.length) return null;
  return (
    <section aria-labelledby="foto">
      <h2 id="foto">{t("requests.page.photos")}</h2>
      <ul class="photo-list">
        {photos.map((photo, index) => (
          <li key={photo.url}>
            <a
              href={photo.url}
              target={newTab ? "_blank" : undefined}
              rel={newTab ? "noopener" : undefined}
            >
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
