// Bahasa Indonesia or English, for this device and (when logged in) the account and its pushes.
import { useEffect, useRef } from "preact/hooks";
import { chooseLanguage } from "../../api/auth";
import { updatePushLanguage } from "../../api/push";
import { type Language, t, useLanguage } from "../../i18n";
import "./i18n";

const CHOICES: { value: Language; label: string }[] = [
  // Each language is named in itself, so a person who cannot read the other one still finds theirs.
  { value: "id", label: "Bahasa Indonesia" },
  { value: "en", label: "English" },
];

// The whole app re-renders in the new language (the layout is keyed by it); put the focus back.
let refocus = false;

export function LanguageSwitch() {
  const current = useLanguage();
  const group = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (!refocus) return;
    refocus = false;
    group.current?.querySelector<HTMLInputElement>("input:checked")?.focus();
  }, []);

  function choose(next: Language) {
    if (next === current) return;
    refocus = true;
    void chooseLanguage(next);
    void updatePushLanguage(next);
  }

  return (
    <fieldset class="field language-switch" ref={group}>
      <legend>{t("account.language")}</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} class="choice" lang={choice.value}>
          <input
            type="radio"
            name="language"
            value={choice.value}
            checked={current === choice.value}
            onChange={() => choose(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
