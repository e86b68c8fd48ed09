// A paged list of cards (the moderation lists) with its loading, error, empty and "load more" states.
import type { ComponentChildren } from "preact";
import type { Paged } from "../../api/use-paged";
import { PagedStates } from "../../components/PagedStates";

interface Props<T> {
  paged: Paged<T>;
  empty: string;
  label: string;
  children: (item: T) => ComponentChildren;
}

export function PagedList<T>({ paged, empty, label, children }: Props<T>) {
  return (
    <PagedStates paged={paged} empty={empty}>
      <ul class="list admin-cards" aria-label={label}>
        {paged.items.map(children)}
      </ul>
    </PagedStates>
  );
}
