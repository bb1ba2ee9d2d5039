import { useRef, useState } from 'react';
import { dialogueRoutes as api, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { callApi } from '../api/client';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ModerationControls } from '../moderation/ModerationControls';
import { ReportButton } from '../moderation/ReportButton';
import { TextField } from '../ui/TextField';
import { FormEnd, OnBehalfChoice, Participant, useAction } from './parts';

/** The proposal's comments, each reportable (and moderated by staff), and the form to add one. */
export function CommentSection({ proposal: p, onChange }: { proposal: ProposalDetail; onChange(): void }) {
  const { t, formatDateTime } = useI18n();
  const { role } = useSession();
  return (
    <section aria-labelledby="proposal-comments" className="dialogue-comments">
      <h2 id="proposal-comments">{t('dialogue.comments.title')}</h2>
      {p.commentList.length === 0 ? (
        <p className="muted">{t('dialogue.comments.empty')}</p>
      ) : (
        <ul className="dialogue-comment-list">
          {p.commentList.map((c) => (
            <li key={c.id} className="card">
              <p className="small muted">
                <Participant label={c.by} /> · <span className="dialogue-date">{formatDateTime(c.createdAt)}</span>
              </p>
              <p className="dialogue-text">{c.body}</p>
              <div className="dialogue-moderation">
                <ReportButton target="comment" id={c.id} />
                {isStaff(role) ? (
                  <ModerationControls target="comment" id={c.id} hidden={c.hidden} onChange={onChange} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {p.canContribute ? <CommentForm proposal={p} onDone={onChange} /> : null}
    </section>
  );
}

function CommentForm({ proposal: p, onDone }: { proposal: ProposalDetail; onDone(): void }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const [body, setBody] = useState('');
  const [onBehalf, setOnBehalf] = useState(true);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await action.run(
      () => callApi(api.comment, { params: { id: p.id }, body: { body, onBehalfOfOrganisation: onBehalf } }),
      t('dialogue.comment.sent'),
    );
    if (ok) {
      setBody('');
      onDone();
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="dialogue-form">
      <TextField
        id="comment-body"
        kind="textarea"
        rows={3}
        label={t('dialogue.comment.body')}
        value={body}
        onChange={setBody}
        error={action.fieldError('body')}
        required
      />
      <OnBehalfChoice id="comment-behalf" organisation={p.organisation} value={onBehalf} onChange={setOnBehalf} />
      <FormEnd action={action} label={t('dialogue.comment.submit')} />
    </form>
  );
}
