// The privacy notice's text in the current language, as the server rendered it.
import type { Notice } from "../api/privacy";
import { useLanguage } from "../i18n";
import "./NoticeText.css";

export function NoticeText({ notice }: { notice: Notice }) {
  const lang = useLanguage();
  // Markdown from the city pack, rendered and sanitised by the server with nh3 (an allow-list of
  // tags, no scripts or event handlers), so it is inserted as it comes.
  return (
    <div
      class="notice-body"
      dangerouslySetInnerHTML={{ __html: notice.html[lang] }}
    />
  );
}
