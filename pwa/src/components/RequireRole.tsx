// Guards a screen: a login is asked for first, and a role without access sees why.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { type User, needsTwoFactorSetup, userStore } from "../api/client";
import { t } from "../i18n";
import { TWO_FACTOR_SETUP, safeNext, withNext } from "../next-url";
import { useStore } from "../store";

interface Props {
  roles?: User["role"][];
  children: ComponentChildren;
}

export function RequireRole({ roles, children }: Props) {
  const user = useStore(userStore);
  const { url, route } = useLocation();
  useEffect(() => {
    // While the login screen's chunk loads, the router keeps this screen rendered under the new
    // URL: asking again from there would nest /masuk?next=/masuk?next=… and lose the way back.
    if (!user && safeNext(url)) route(withNext("/masuk", url), true);
    // A role that requires two-factor sign-in reaches nothing else until it is set up.
    else if (user && needsTwoFactorSetup(user))
      route(withNext(TWO_FACTOR_SETUP, url), true);
  }, [user, url]);
  if (!user || needsTwoFactorSetup(user)) return null;
  if (roles && !roles.includes(user.role)) {
    return (
      <section class="content">
        <h1>{t("auth.forbiddenTitle")}</h1>
        <p>{t("auth.forbidden")}</p>
      </section>
    );
  }
  return <>{children}</>;
}
