import { useEffect, useState } from 'react';
import type { RecentProjectView } from '../../../main/contract/projects.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useProject } from '../../project/context.ts';

/** Open project…, and the projects saved or opened lately with their date and spreadsheet. */
export function RecentProjects() {
  const { t, lang } = useLanguage();
  const { open, notice } = useProject();
  const [recent, setRecent] = useState<RecentProjectView[]>([]);
  useEffect(() => {
    void api()
      .listRecentProjects({})
      .then((reply) => reply.ok && setRecent(reply.value.projects));
  }, []);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const busy = notice.kind === 'busy';
  return (
    <section className="recent-projects" aria-labelledby="recent-projects-title">
      <div className="recent-head">
        <h2 id="recent-projects-title">{t.project.recent}</h2>
        <button type="button" onClick={() => open()} disabled={busy}>
          {t.project.open}
        </button>
      </div>
      {recent.length === 0 ? (
        <p className="empty">{t.project.noRecent}</p>
      ) : (
        <ul className="recent-list">
          {recent.map((project) => (
            <li key={project.path}>
              <button type="button" className="recent-item" title={project.path} disabled={busy || !project.exists} onClick={() => open(project.path)}>
                <strong>{project.name}</strong>
                <span>{t.project.recentSource(project.source)}</span>
                <time dateTime={project.usedAt}>{date.format(new Date(project.usedAt))}</time>
                {!project.exists && <span className="recent-missing">{t.project.missing}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
