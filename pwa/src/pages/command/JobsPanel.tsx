// The periodic jobs behind scheduled alerts and articles: when each last ran and succeeded, its
// last error, and a warning when one has not succeeded for a while (beat or the workers are down).
import { Empty } from "../../components/Status";
import { t } from "../../i18n";
import type { PeriodicJob } from "./api";
import { HealthTable, lastError, lastSuccess } from "./HealthTable";

export function JobsPanel({ jobs }: { jobs: PeriodicJob[] }) {
  if (jobs.length === 0) return <Empty>{t("command.jobs.empty")}</Empty>;
  const late = jobs.filter((job) => job.late).length;
  return (
    <HealthTable
      status={
        late
          ? t("command.jobs.late", { count: late })
          : t("command.jobs.allWell")
      }
      caption={t("command.jobs.caption")}
      tableClass="cc-jobs"
      columns={[
        t("command.jobs.job"),
        t("command.jobs.state"),
        t("command.jobs.lastSuccess"),
        t("command.jobs.lastError"),
      ]}
    >
      {jobs.map((job) => (
        <tr key={job.name}>
          <th scope="row">{t(`command.jobs.name.${job.name}`)}</th>
          <td>
            <span class={job.late ? "badge badge-overdue" : "badge badge-ok"}>
              {t(job.late ? "command.jobs.stateLate" : "command.jobs.stateOk")}
            </span>
          </td>
          <td>{lastSuccess(job.last_success_at)}</td>
          <td>{lastError(job.last_error, job.last_error_at)}</td>
        </tr>
      ))}
    </HealthTable>
  );
}
