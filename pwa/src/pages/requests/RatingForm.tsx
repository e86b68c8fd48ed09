// The reporter rates a resolved request: 1 to 5 stars (radio buttons) and optional feedback.
import { useState } from "preact/hooks";
import { type ServiceRequest, rateRequest } from "../../api/requests";
import { useSubmit } from "../../api/use-submit";
import { FieldError, TextField } from "../../components/Field";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { useStoredText } from "./use-stored-text";

interface Props {
  request: ServiceRequest;
  onRated: (request: ServiceRequest) => void;
}

const STARS = [1, 2, 3, 4, 5];

export function RatingForm({ request, onRated }: Props) {
  const [rating, setRating] = useState<number | null>(null);
  const [feedback, setFeedback] = useStoredText(`rating.${request.code}`);
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setMissing(rating === null);
    if (rating === null) return;
    const rated = await submit(() =>
      rateRequest(request.code, rating, feedback.trim()),
    );
    if (rated) {
      setFeedback("");
      onRated(rated);
    }
  };

  const ratingError = missing
    ? t("requests.rating.required")
    : error?.field("rating");
  const feedbackError = error?.field("feedback");

  return (
    <section class="card" aria-labelledby="penilaian">
      <h2 id="penilaian">{t("requests.rating.title")}</h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset
          class={`field stars${ratingError ? " field-invalid" : ""}`}
          aria-describedby={ratingError ? "bintang-error" : undefined}
        >
          <legend>{t("requests.rating.legend")}</legend>
          <div class="star-choices">
            {STARS.map((value) => (
              <label class="choice star-choice" key={value}>
                <input
                  type="radio"
                  name="rating"
                  value={value}
                  checked={rating === value}
                  onChange={() => setRating(value)}
                />
                <span aria-hidden="true" class="star-glyphs">
                  {"★".repeat(value)}
                  <span class="star-empty">{"☆".repeat(5 - value)}</span>
                </span>
                <span>{t(`requests.rating.star${value}`)}</span>
              </label>
            ))}
          </div>
          <FieldError id="bintang" error={ratingError} />
        </fieldset>
        <TextField
          id="masukan"
          label={t("requests.rating.feedback")}
          error={feedbackError}
          multiline
          maxLength={2000}
          value={feedback}
          onInput={setFeedback}
        />
        <ErrorNote
          error={error?.field("rating") || feedbackError ? undefined : error}
        />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t("requests.sending") : t("requests.rating.submit")}
        </button>
      </form>
    </section>
  );
}
