import { useState, type FormEvent } from 'react';
import { incidentSpeeds } from './ClockControls';

/** Before the run: the noise seed (defaulting to one derived from the interview) and the speed. */
export function RunStartForm({
  defaultSeed,
  duration,
  isReadOnly,
  onStart,
}: {
  defaultSeed: number;
  duration: string;
  isReadOnly: boolean;
  onStart: (seed: number, speed: number) => void;
}) {
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [speed, setSpeed] = useState(1);
  const seed = Number(seedText);
  const isSeedValid = /^\d+$/.test(seedText.trim()) && seed <= 0xffffffff;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isSeedValid) onStart(seed, speed);
  };
  return (
    <form className="incident-start" onSubmit={submit} aria-label="Start the scenario">
      <p className="muted">
        Planned length {duration} of sim time. Starting creates the run and starts its clock; open the presenter on the
        shared screen, then log what the candidate does.
      </p>
      <div className="form-row">
        <label>
          Noise seed
          <input
            inputMode="numeric"
            value={seedText}
            onChange={(e) => setSeedText(e.target.value)}
            aria-invalid={!isSeedValid}
            size={12}
          />
        </label>
        <label>
          Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {incidentSpeeds.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={isReadOnly || !isSeedValid}>
          <span aria-hidden="true">▶</span> Start scenario
        </button>
      </div>
      {!isSeedValid && <p className="error-text">The seed is a whole number from 0 to 4294967295.</p>}
    </form>
  );
}
