// Who a campaign reaches: the whole city, some kecamatan, some kelurahan (grouped by kecamatan),
// or a topic. Each kind keeps its own picks, so switching back and forth loses nothing.
import type { Kecamatan, Kelurahan } from "../../../api/places";
import { FieldError } from "../../../components/Field";
import { t } from "../../../i18n";
import { TOPICS, type TargetKind } from "./api";

const KINDS: TargetKind[] = ["all", "kecamatan", "kelurahan", "topic"];

export type Picks = Record<Exclude<TargetKind, "all">, string[]>;

interface Props {
  kind: TargetKind;
  picks: Picks;
  kecamatan: Kecamatan[];
  kelurahan: Kelurahan[];
  error?: string | undefined;
  onKind: (kind: TargetKind) => void;
  onPicks: (picks: Picks) => void;
}

function toggle(list: string[], code: string, on: boolean): string[] {
  return on ? [...list, code] : list.filter((item) => item !== code);
}

/** The id the composer focuses when no pick was made. */
export const FIRST_PICK_ID = "campaign-target-first";

function Choices({
  name,
  options,
  chosen,
  first,
  onChange,
}: {
  name: string;
  options: { code: string; label: string }[];
  chosen: string[];
  first?: boolean;
  onChange: (code: string, on: boolean) => void;
}) {
  return (
    <div class="campaign-choices">
      {options.map((option, index) => (
        <label class="choice" key={option.code}>
          <input
            id={first && index === 0 ? FIRST_PICK_ID : undefined}
            type="checkbox"
            name={name}
            value={option.code}
            checked={chosen.includes(option.code)}
            onChange={(event) =>
              onChange(option.code, event.currentTarget.checked)
            }
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

export function TargetPicker(props: Props) {
  const { kind, picks, onPicks } = props;
  const pick = (list: keyof Picks) => (code: string, on: boolean) =>
    onPicks({ ...picks, [list]: toggle(picks[list], code, on) });
  const errorId = props.error ? "campaign-target-error" : undefined;

  return (
    <div class={`field${props.error ? " field-invalid" : ""}`}>
      <fieldset aria-describedby={errorId}>
        <legend>{t("campaign.target")}</legend>
        <div class="campaign-kinds">
          {KINDS.map((option) => (
            <label class="choice" key={option}>
              <input
                type="radio"
                name="target_kind"
                value={option}
                checked={kind === option}
                onChange={() => props.onKind(option)}
              />
              {t(`campaign.kind.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {kind === "kecamatan" ? (
        <fieldset class="campaign-picks" aria-describedby={errorId}>
          <legend>{t("campaign.pickKecamatan")}</legend>
          <Choices
            name="kecamatan"
            options={props.kecamatan.map((k) => ({
              code: k.code,
              label: k.name,
            }))}
            chosen={picks.kecamatan}
            first
            onChange={pick("kecamatan")}
          />
        </fieldset>
      ) : null}

      {kind === "kelurahan" ? (
        <fieldset class="campaign-picks" aria-describedby={errorId}>
          <legend>{t("campaign.pickKelurahan")}</legend>
          {props.kecamatan.map((group, index) => (
            <fieldset class="campaign-group" key={group.code}>
              <legend>{group.name}</legend>
              <Choices
                name="kelurahan"
                options={props.kelurahan
                  .filter((k) => k.kecamatan === group.code)
                  .map((k) => ({ code: k.code, label: k.name }))}
                chosen={picks.kelurahan}
                first={index === 0}
                onChange={pick("kelurahan")}
              />
            </fieldset>
          ))}
        </fieldset>
      ) : null}

      {kind === "topic" ? (
        <fieldset class="campaign-picks" aria-describedby={errorId}>
          <legend>{t("campaign.pickTopic")}</legend>
          <Choices
            name="topic"
            options={TOPICS.map((topic) => ({
              code: topic,
              label: t(`campaign.topic.${topic}`),
            }))}
            chosen={picks.topic}
            first
            onChange={pick("topic")}
          />
        </fieldset>
      ) : null}

      <FieldError id="campaign-target" error={props.error} />
    </div>
  );
}
