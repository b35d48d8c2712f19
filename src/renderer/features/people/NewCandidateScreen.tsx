import { appDb } from '../../db/dbContext';
import { candidateCreate } from '../../db/actions/peopleActions';
import { href, navigate } from '../../app/router';
import { useMe } from '../../db/hooks';
import { CandidateForm } from './CandidateForm';

export function NewCandidateScreen() {
  const me = useMe();
  return (
    <div className="page">
      <header className="page-header">
        <h1>Add candidate</h1>
      </header>
      <div className="panel" style={{ maxWidth: 900 }}>
        <CandidateForm
          submitLabel="Add candidate"
          onCancel={() => navigate('#/candidates')}
          onSubmit={async (input) => {
            const candidate = await candidateCreate(appDb(), input, me?.name ?? 'recruiter', Date.now());
            navigate(href('candidates', candidate.id));
          }}
        />
      </div>
    </div>
  );
}
