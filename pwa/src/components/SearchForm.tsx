// A search box over a list: the words go into the page's address when sent, so reload and back
// keep them.
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";

interface Props {
  id: string;
  label: string;
  value: string;
  onSearch: (words: string) => void;
}

export function SearchForm({ id, label, value, onSearch }: Props) {
  const [words, setWords] = useState(value);
  useEffect(() => setWords(value), [value]);
  return (
    <form
      role="search"
      class="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(words.trim());
      }}
    >
      <label for={id}>{label}</label>
      <div class="search-row">
        <input
          id={id}
          type="search"
          enterKeyHint="search"
          maxLength={100}
          value={words}
          onInput={(event) => setWords(event.currentTarget.value)}
        />
        <button type="submit" class="btn">
          {t("common.search")}
        </button>
      </div>
    </form>
  );
}
