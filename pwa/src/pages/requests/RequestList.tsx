// A paged list of requests with its loading, empty, error and offline states and "load more".
import type { ComponentChildren } from "preact";
import type { ServiceRequest } from "../../api/requests";
import type { Paged } from "../../api/use-paged";
import { Empty, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { RequestCard } from "./RequestCard";

interface Props {
  paged: Paged<ServiceRequest>;
  empty: ComponentChildren;
}

export function RequestList({ paged, empty }: Props) {
  const { items, loaded, loading, error, hasMore } = paged;
  if (!loaded) return <Loading />;
  if (error && !items.length) {
    return (
      <div class="stack">
        <p class="error-note" role="alert">
          {error.offline ? t("requests.list.offline") : error.message}
        </p>
        <button type="button" class="btn" onClick={paged.reload}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (!items.length) return <Empty>{empty}</Empty>;
  return (
    <div class="stack">
      <ul class="list">
        {items.map((request) => (
          <li key={request.code}>
            <RequestCard request={request} />
          </li>
        ))}
      </ul>
      {error ? (
        <p class="error-note" role="alert">
          {error.message}
        </p>
      ) : null}
      {hasMore ? (
        <button
          type="button"
          class="btn btn-big"
          onClick={paged.loadMore}
          disabled={loading}
        >
          {loading ? t("common.loading") : t("common.loadMore")}
        </button>
      ) : null}
    </div>
  );
}
