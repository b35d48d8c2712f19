export interface PackItemNavEntry {
  id: string;
  title: string;
  meta: string;
  href: string;
}

/** Side list of a tab's items (kits, exercises); the current one is marked for assistive tech too. */
export function PackItemNav({
  label,
  entries,
  currentId,
}: {
  label: string;
  entries: PackItemNavEntry[];
  currentId: string | undefined;
}) {
  return (
    <nav aria-label={label} className="item-nav">
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={entry.href} aria-current={entry.id === currentId ? 'page' : undefined}>
              <span className="item-nav-title">{entry.title}</span>
              <span className="item-nav-meta">{entry.meta}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
