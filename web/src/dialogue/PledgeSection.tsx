import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { dialogueRoutes as api, type PledgeInput, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { resourceTypes } from '../../../src/modules/needs-offers/vocabulary';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { TextField } from '../ui/TextField';
import { FormEnd, OnBehalfChoice, Participant, useAction } from './parts';

/** What organisations and citizens can bring (with the offer opened for matchmaking), and « Ce que je peux apporter ». */
export function PledgeSection({ proposal: p, onChange }: { proposal: ProposalDetail; onChange(): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="proposal-pledges" className="dialogue-pledges">
      <h2 id="proposal-pledges">{t('dialogue.pledges.title')}</h2>
      {p.pledgeList.length === 0 ? (
        <p className="muted">{t('dialogue.pledges.empty')}</p>
      ) : (
        <ul className="dialogue-people">
          {p.pledgeList.map((x) => (
            <li key={x.id}>
              <Participant label={x.by} />
              {'\u202f: '}
              {x.resources.map((r) => t(`needOffer.resource.${r}`)).join(', ')} — {x.description}
              {x.needOfferId ? (
                <>
                  {' '}
                  <Link to={`/besoins-offres/${x.needOfferId}`}>{t('dialogue.pledges.offer')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {p.canContribute ? <PledgeForm proposal={p} onDone={onChange} /> : null}
    </section>
  );
}

function PledgeForm({ proposal: p, onDone }: { proposal: ProposalDetail; onDone(): void }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const [resources, setResources] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [onBehalf, setOnBehalf] = useState(true);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      resources: resources as PledgeInput['resources'],
      description,
      onBehalfOfOrganisation: onBehalf,
    };
    const ok = await action.run(() => callApi(api.pledge, { params: { id: p.id }, body }), t('dialogue.pledge.sent'));
    if (ok) {
      setResources([]);
      setDescription('');
      onDone();
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card dialogue-form" aria-labelledby="pledge-title">
      <h3 id="pledge-title">{t('dialogue.pledge.title')}</h3>
      <CheckboxGroup
        id="pledge-resources"
        legend={t('dialogue.pledge.resources')}
        options={resourceTypes.map((r) => ({ value: r, label: t(`needOffer.resource.${r}`) }))}
        selected={resources}
        onChange={setResources}
        error={action.fieldError('resources')}
        required
      />
      <TextField
        id="pledge-description"
        kind="textarea"
        label={t('dialogue.pledge.description')}
        hint={t('dialogue.pledge.descriptionHint')}
        value={description}
        onChange={setDescription}
        error={action.fieldError('description')}
        required
      />
      <OnBehalfChoice id="pledge-behalf" organisation={p.organisation} value={onBehalf} onChange={setOnBehalf} />
      <FormEnd action={action} label={t('dialogue.pledge.submit')} />
    </form>
  );
}
