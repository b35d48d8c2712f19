import { ModalDialog } from '../../components/ModalDialog';

const groups: Array<{ title: string; keys: Array<[string, string]> }> = [
  {
    title: 'Ratings (anywhere outside a text field)',
    keys: [
      ['1 – 4', 'Rate the current dimension (marked ▸); focus moves to the chosen point'],
      ['0', 'Mark the current dimension “no evidence”'],
      ['j / k', 'Next / previous dimension (on the Incident tab: ↑ / ↓ in the rating panel)'],
      ['↑ / ↓', 'Next / previous dimension, in the rating panel'],
      ['← / →', 'Move along the scale, in the rating panel'],
    ],
  },
  {
    title: 'Notes',
    keys: [
      ['Enter', 'Save the line and start a new time-stamped one'],
      ['Shift + Enter', 'Line break inside a note'],
      ['Tab', 'From a saved line: its dimension, Tag signal, Delete (Undo follows for 10 s)'],
    ],
  },
  {
    title: 'Material tabs',
    keys: [
      ['← / →', 'Previous / next tab (Kit, Exercise, Incident)'],
      ['Home / End', 'First / last tab'],
    ],
  },
  {
    title: 'Incident console (Incident tab, anywhere outside a text field)',
    keys: [
      ['a – z', 'Log the action with that key at the current sim time'],
      ['/', 'Find an action by name; Enter logs it, Escape goes back'],
    ],
  },
  { title: 'Anywhere', keys: [['?', 'This keyboard map']] },
];

/** Every key of the runner in one place, opened with `?`. */
export function KeyboardMapDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard map" onClose={onClose}>
      <div className="keymap">
        {groups.map((g) => (
          <section key={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.keys.map(([key, what]) => (
                <div key={key} className="keymap-row">
                  <dt>
                    <kbd>{key}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="form-row">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </p>
    </ModalDialog>
  );
}
