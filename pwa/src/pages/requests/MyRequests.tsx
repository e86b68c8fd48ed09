// "Laporan saya": reports waiting in the offline outbox, then the resident's filed requests.
// Readable offline: the worker keeps the last answer of GET /requests/mine.
import "./i18n";
import "./requests.css";
import { userStore } from "../../api/client";
import { myRequestsPath, type ServiceRequest } from "../../api/requests";
import { usePaged } from "../../api/use-paged";
import { OutboxList } from "../../components/OutboxList";
import { t } from "../../i18n";
import { useStore } from "../../store";
import { RequestList } from "./RequestList";
import { withNext } from "../../next-url";

function LoggedOut() {
  return (
    <div class="card stack">
      <h2>{t("requests.mine.loginTitle")}</h2>
      <p>{t("requests.mine.loginText")}</p>
      <p class="row">
        <a class="btn btn-primary" href={withNext("/masuk", "/laporan-saya")}>
          {t("requests.mine.login")}
        </a>
        <a class="btn" href="/daftar">
          {t("requests.mine.register")}
        </a>
      </p>
      <p class="muted">{t("requests.mine.anonymousHint")}</p>
    </div>
  );
}

function Filed() {
  const paged = usePaged<ServiceRequest>(myRequestsPath());
  return (
    <section aria-labelledby="laporan-terkirim">
      <h2 id="laporan-terkirim">{t("requests.mine.filed")}</h2>
      <RequestList
        paged={paged}
        empty={
          <>
            {t("requests.mine.empty")}{" "}
            <a href="/lapor">{t("requests.mine.fileFirst")}</a>
          </>
        }
      />
    </section>
  );
}

export function MyRequests() {
  const user = useStore(userStore);
  return (
    <div class="stack">
      <h1>{t("requests.mine.title")}</h1>
      <OutboxList />
      {user ? <Filed key={user.id} /> : <LoggedOut />}
    </div>
  );
}
