// /privasi: what SatuPintu stores about a person, why, for how long and who sees it, in plain
// words. Linked from the sign-up form and the account page. Keep it in step with the data the
// backend holds (accounts, sessions, requests, push subscriptions) when that changes.
import { t } from "../../i18n";
import "./i18n";

function Part({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: string[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

export function Privacy() {
  const parts: [string, string, string[]][] = [
    [
      "privasi-disimpan",
      t("privacy.stored.title"),
      [
        t("privacy.stored.account"),
        t("privacy.stored.sessions"),
        t("privacy.stored.reports"),
        t("privacy.stored.push"),
        t("privacy.stored.photos"),
        t("privacy.stored.device"),
      ],
    ],
    [
      "privasi-tujuan",
      t("privacy.why.title"),
      [
        t("privacy.why.handle"),
        t("privacy.why.updates"),
        t("privacy.why.account"),
        t("privacy.why.stats"),
      ],
    ],
    [
      "privasi-lama",
      t("privacy.howLong.title"),
      [
        t("privacy.howLong.account"),
        t("privacy.howLong.reports"),
        t("privacy.howLong.sessions"),
        t("privacy.howLong.push"),
        t("privacy.howLong.logins"),
      ],
    ],
    [
      "privasi-siapa",
      t("privacy.who.title"),
      [
        t("privacy.who.public"),
        t("privacy.who.private"),
        t("privacy.who.staff"),
        t("privacy.who.residents"),
      ],
    ],
  ];
  return (
    <article class="stack">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {parts.map(([id, title, items]) => (
        <Part key={id} id={id} title={title} items={items} />
      ))}
      <section aria-labelledby="privasi-hak">
        <h2 id="privasi-hak">{t("privacy.rights.title")}</h2>
        <p>{t("privacy.rights.text")}</p>
        <p>
          <a href="/akun">{t("privacy.rights.account")}</a>
        </p>
      </section>
    </article>
  );
}
