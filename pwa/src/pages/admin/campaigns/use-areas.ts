// The city's kecamatan and kelurahan, fetched once per visit to the campaign screens (the
// composer's picker and the names of a campaign's target).
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../../../api/client";
import {
  type Kecamatan,
  type Kelurahan,
  listKecamatan,
  listKelurahan,
} from "../../../api/places";

export interface Areas {
  kecamatan: Kecamatan[];
  kelurahan: Kelurahan[];
  error: ApiError | null;
  retry: () => void;
}

let loading: Promise<[Kecamatan[], Kelurahan[]]> | null = null;

function load(): Promise<[Kecamatan[], Kelurahan[]]> {
  loading ??= Promise.all([listKecamatan(), listKelurahan()]).catch(
    (failure: unknown) => {
      loading = null;
      throw failure;
    },
  );
  return loading;
}

export function useAreas(): Areas {
  const [lists, setLists] = useState<[Kecamatan[], Kelurahan[]]>([[], []]);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    load()
      .then((found) => live && setLists(found))
      .catch((failure: unknown) => {
        if (live && failure instanceof ApiError) setError(failure);
      });
    return () => {
      live = false;
    };
  }, [round]);

  const retry = useCallback(() => setRound((n) => n + 1), []);
  return { kecamatan: lists[0], kelurahan: lists[1], error, retry };
}
