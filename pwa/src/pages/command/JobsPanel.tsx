// The periodic jobs behind scheduled alerts and articles: when each last ran and succeeded, its
// last error, and a warning when one has not succeeded for a while (beat or the workers are down).
import { Empty } from "../../components/Status";
import { formatDateTime, t } from "../../i18n";
import type { PeriodicJob } from "./dashboard-api";

export function JobsPanel({ jobs }: { jobs: PeriodicJob[] }) {
  if (jobs.length === 0) return <Empty>{t("command.jobs.empty")}</Empty>;
  const late = jobs.filter((job) => job.late).length;
  return (
    <>
      <p class="muted" role="status">
        {late
          ? t("command.jobs.late", { count: late })
          : t("command.jobs.allWell")}
      </p>
      <div
        class="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t("command.jobs.caption")}
      >
        <table class="cc-jobs">
          <caption class="visually-hidden">{t("command.jobs.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("command.jobs.job")}</th>
              <th scope="col">{t("command.jobs.state")}</th>
              <th scope="col">{t("command.jobs.lastSuccess")}</th>
              <th scope="col">{t("command.jobs.lastError")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name}>
                <th scope="row">{t(`command.jobs.name.${job.name}`)}</th>
                <td>
                  <span
                    class={job.late ? "badge badge-overdue" : "badge badge-ok"}
                  >
                    {t(
                      job.late
                        ? "command.jobs.stateLate"
                        : "command.jobs.stateOk",
                    )}
                  </span>
                </td>
                <td>
                  {job.last_success_at
                    ? formatDateTime(job.last_success_at)
                    : t("command.jobs.never")}
                </td>
                <td>
                  {job.last_error && job.last_error_at
                    ? `${formatDateTime(job.last_error_at)}: ${job.last_error}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
