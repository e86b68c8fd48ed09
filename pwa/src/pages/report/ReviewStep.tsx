// The last step: everything at a glance, each part with a way back to change it, then send.
import type { ComponentChildren } from "preact";
import {
  type ServiceAttribute,
  formAttributes,
  localized,
} from "../../api/catalog";
import { userStore } from "../../api/client";
import { placeText } from "../../components/place-text";
import { t } from "../../i18n";
import type { ReportDraft, StepName } from "../../offline/drafts";
import { onlineStore } from "../../offline/network";
import { useStore } from "../../store";
import { loginHere } from "./fields";
import { Thumbnails } from "./PhotosStep";
import { useObjectUrls } from "./use-object-urls";

interface Props {
  draft: ReportDraft;
  onEdit: (step: StepName) => void;
  onChange: (patch: Partial<ReportDraft>) => void;
  onSend: () => void;
}

function shown(attribute: ServiceAttribute, value: string | string[]): string {
  const name = (key: string) =>
    localized(attribute.values?.find((option) => option.key === key)?.name) ||
    key;
  if (Array.isArray(value)) return value.map(name).join(", ");
  if (attribute.datatype === "singlevaluelist") return name(value);
  if (attribute.datatype === "datetime") return value.replace("T", " ");
  return value;
}

function Part(props: {
  title: string;
  edit: string;
  onEdit: () => void;
  children: ComponentChildren;
}) {
  return (
    <section class="review-part">
      <div class="review-head">
        <h3>{props.title}</h3>
        <button type="button" class="btn btn-small" onClick={props.onEdit}>
          {t("report.change")}
          <span class="visually-hidden"> {props.edit}</span>
        </button>
      </div>
      {props.children}
    </section>
  );
}

export function ReviewStep({ draft, onEdit, onChange, onSend }: Props) {
  const user = useStore(userStore);
  const online = useStore(onlineStore);
  const urls = useObjectUrls(draft.photos);
  const service = draft.service!;
  const mustLogIn = !user && !service.allows_anonymous;
  const logIn = loginHere();
  const answered = formAttributes(service).filter((attribute) => {
    const value = draft.attributes[attribute.code];
    return Array.isArray(value) ? value.length > 0 : !!value?.trim();
  });
  const place = placeText({
    address: draft.address,
    kelurahan: draft.kelurahanName,
    kecamatan: draft.kecamatanName,
  });
  const pinned = draft.lat !== null;

  return (
    <div class="stack">
      <Part
        title={t("report.review.service")}
        edit={t("report.review.service")}
        onEdit={() => onEdit("service")}
      >
        <p>{localized(service.name)}</p>
      </Part>
      <Part
        title={t("report.review.details")}
        edit={t("report.review.details")}
        onEdit={() => onEdit("details")}
      >
        <dl class="review-list">
          {answered.map((attribute) => (
            <div key={attribute.code}>
              <dt>{localized(attribute.label)}</dt>
              <dd>{shown(attribute, draft.attributes[attribute.code]!)}</dd>
            </div>
          ))}
          <div>
            <dt>{t("report.details.description")}</dt>
            <dd class="prewrap">
              {draft.description.trim() || t("report.review.empty")}
            </dd>
          </div>
        </dl>
      </Part>
      <Part
        title={t("report.review.photos")}
        edit={t("report.review.photos")}
        onEdit={() => onEdit("photos")}
      >
        {urls.length ? (
          <Thumbnails urls={urls} size={72} />
        ) : (
          <p>{t("report.photos.none")}</p>
        )}
      </Part>
      <Part
        title={t("report.review.location")}
        edit={t("report.review.location")}
        onEdit={() => onEdit("location")}
      >
        {place ? <p>{place}</p> : null}
        {pinned ? <p>{t("place.pinned")}</p> : null}
        {place || pinned ? null : <p>{t("report.review.empty")}</p>}
      </Part>
      {service.is_public ? (
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.private}
            onChange={(event) =>
              onChange({ private: event.currentTarget.checked })
            }
          />
          {t("report.review.private")}
        </label>
      ) : null}
      {mustLogIn ? (
        <p class="notice">
          {t("report.review.mustLogIn")}{" "}
          <a class="link-target" href={logIn}>
            {t("report.review.logIn")}
          </a>
        </p>
      ) : !user ? (
        <p class="hint">
          {t("report.review.anonymous")}{" "}
          <a class="link-target" href={logIn}>
            {t("report.review.logIn")}
          </a>
        </p>
      ) : null}
      {online ? null : <p class="notice">{t("report.review.offline")}</p>}
      <button
        type="button"
        class="btn btn-primary btn-big"
        disabled={mustLogIn}
        onClick={onSend}
      >
        {t("report.review.send")}
      </button>
    </div>
  );
}
