/** Asks for a few words of the phrase just shown, by position. */
import { useMemo, useState, type ReactElement } from 'react';
import { Notice } from '../../components/Notice.js';
import { makeQuiz } from './confirm-quiz.js';

export function ConfirmMnemonic({ words, onConfirmed, onBack }: { words: readonly string[]; onConfirmed: () => void; onBack: () => void }): ReactElement {
  const quiz = useMemo(() => makeQuiz(words), [words]);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [wrong, setWrong] = useState(false);
  const complete = quiz.every((q) => answers[q.position] !== undefined);
  const check = () => {
    if (quiz.every((q) => answers[q.position] === words[q.position])) onConfirmed();
    else setWrong(true);
  };
  return (
    <div className="stack">
      <h1>Confirm your phrase</h1>
      <p>Pick the right word for each position, from what you wrote down.</p>
      {quiz.map((q) => (
        <fieldset key={q.position} className="stack" data-position={q.position + 1}>
          <legend className="label">Word #{q.position + 1}</legend>
          <div className="word-choices" role="radiogroup" aria-label={`Word number ${q.position + 1}`}>
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
          That does not match. Check the words you wrote down — go back to see them again if needed.
        </Notice>
      ) : null}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack}>
          Show the words again
        </button>
        <button type="button" className="btn btn-primary" disabled={!complete} onClick={check}>
          Confirm
        </button>
      </div>
    </div>
  );
}
