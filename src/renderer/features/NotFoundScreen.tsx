/** Shown for a route that does not exist (an old link, a typo). */
export function NotFoundScreen() {
  return (
    <div className="page">
      <section className="empty-state">
        <h1>Nothing here</h1>
        <p>
          This address does not match a screen. <a href="#/today">Go to Today</a>.
        </p>
      </section>
    </div>
  );
}
