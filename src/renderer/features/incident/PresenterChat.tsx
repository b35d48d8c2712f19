import { useEffect, useRef } from 'react';
import type { IncidentPresenterChat } from '../../../core/incident';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** Team chat: who wrote (name and role), when, and what — oldest first, scrolled to the newest. */
export function PresenterChat({ chat, at }: { chat: IncidentPresenterChat[]; at: (ms: number) => string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [chat.length]);
  return (
    <section className="presenter-box presenter-chat" tabIndex={0} aria-labelledby="presenter-chat-title">
      <h2 id="presenter-chat-title">
        Team chat <span className="presenter-count">{chat.length}</span>
      </h2>
      {chat.length === 0 ? (
        <p className="presenter-empty">No messages yet.</p>
      ) : (
        <ol className="presenter-chat-list">
          {chat.map((message) => (
            <li key={message.key} className="presenter-message" data-testid="presenter-chat-message">
              <span className="presenter-avatar" aria-hidden="true">
                {initials(message.from)}
              </span>
              <div>
                <p className="presenter-message-head">
                  <strong>{message.from}</strong> <span className="presenter-role">{message.role}</span>{' '}
                  <time className="presenter-time">{at(message.at)}</time>
                </p>
                <p className="presenter-message-text">{message.text}</p>
              </div>
            </li>
          ))}
          <li ref={end} aria-hidden="true" className="presenter-chat-end" />
        </ol>
      )}
    </section>
  );
}
