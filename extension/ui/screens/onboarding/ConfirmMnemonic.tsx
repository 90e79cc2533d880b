/** Asks for a few words of the phrase just shown, by position. */
import { useMemo, useState, type ReactElement } from 'react';
import { Notice } from '../../components/Notice.js';
import { makeQuiz } from './confirm-quiz.js';
import { useT } from '../../i18n/i18n.js';

export function ConfirmMnemonic({ words, onConfirmed, onBack }: { words: readonly string[]; onConfirmed: () => void; onBack: () => void }): ReactElement {
  const quiz = useMemo(() => makeQuiz(words), [words]);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [wrong, setWrong] = useState(false);
  const t = useT();
  const complete = quiz.every((q) => answers[q.position] !== undefined);
  const check = () => {
    if (quiz.every((q) => answers[q.position] === words[q.position])) onConfirmed();
    else setWrong(true);
  };
  return (
    <div className="stack">
      <h1>{t('onboarding.confirmTitle')}</h1>
      <p>{t('onboarding.confirmIntro')}</p>
      {quiz.map((q) => (
        <fieldset key={q.position} className="stack" data-position={q.position + 1}>
          <legend className="label">{t('onboarding.wordNumber', { position: q.position + 1 })}</legend>
          <div className="word-choices" role="radiogroup" aria-label={t('onboarding.wordNumberLabel', { position: q.position + 1 })}>
            {q.choices.map((choice) => (
              <label key={choice} className="pill">
                <input
                  type="radio"
                  name={`word-${q.position}`}
                  value={choice}
                  checked={answers[q.position] === choice}
                  onChange={() => {
                    setWrong(false);
                    setAnswers((a) => ({ ...a, [q.position]: choice }));
                  }}
                />
                {choice}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {wrong ? (
        <Notice tone="danger" live>
          {t('onboarding.confirmWrong')}
        </Notice>
      ) : null}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack}>
          {t('onboarding.showAgain')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!complete} onClick={check}>
          {t('onboarding.confirm')}
        </button>
      </div>
    </div>
  );
}
