// What runs behind the app (periodic jobs, official warning sources), each as a row: a status line
// saying whether all is well, over a table that scrolls on its own on a narrow screen.
import type { ComponentChildren } from "preact";
import { formatDateTime, t } from "../../i18n";

export function HealthTable({
  status,
  caption,
  tableClass,
  columns,
  children,
}: {
  status: string;
  caption: string;
  tableClass: string;
  columns: string[];
  children: ComponentChildren;
}) {
  return (
    <>
      <p class="muted" role="status">
        {status}
      </p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table class={tableClass}>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}

/** "4 Des 2026, 10.15: HTTP 500 from the source", or a dash when there was none. */
export function lastError(error: string | null, at: string | null): string {
  return error && at ? `${formatDateTime(at)}: ${error}` : "—";
}

/** When it last succeeded, or "never". */
export function lastSuccess(at: string | null): string {
  return at ? formatDateTime(at) : t("command.jobs.never");
}
