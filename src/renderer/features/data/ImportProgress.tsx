/** How far an import or restore has written, with the Cancel that leaves the database as it was. */
export function ImportProgress({ verb, name, percent, onCancel }: { verb: 'Importing' | 'Restoring'; name: string; percent: number; onCancel: () => void }) {
  return (
    <div className="form-row import-progress" data-testid="import-progress">
      <progress max={100} value={percent} aria-label={`${verb} ${name}`} />
      <span aria-hidden="true">
        {verb} {name}: {percent} %
      </span>
      <button type="button" onClick={onCancel}>
        Cancel {verb === 'Importing' ? 'import' : 'restore'}
      </button>
    </div>
  );
}
