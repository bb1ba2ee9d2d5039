import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { dialogueRoutes as api, type ProposalInput } from '../../../src/modules/dialogue/contract';
import { partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { callApi } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { TextField } from '../ui/TextField';
import { FormEnd, OnBehalfChoice, useAction } from './parts';

/** « Proposer une réponse »: the proposal's what, who, needs and modes; then its page. */
export function ProposeForm({ challengeId }: { challengeId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const organisation =
    user?.role === 'member' && user.actorId && user.actorName ? { id: user.actorId, name: user.actorName } : null;
  const [values, setValues] = useState({
    title: '',
    description: '',
    whoActs: '',
    needs: '',
    modes: [] as string[],
    onBehalfOfOrganisation: true,
  });
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const err = action.fieldError;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = '';
    const body = { ...values, modes: values.modes as ProposalInput['modes'] };
    const ok = await action.run(async () => {
      id = (await callApi(api.createProposal, { params: { id: challengeId }, body })).id;
    }, t('dialogue.proposal.sent'));
    if (ok) navigate(`/dialogue/propositions/${id}`);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card dialogue-form">
      <TextField
        id="proposal-title"
        label={t('dialogue.proposal.title')}
        value={values.title}
        onChange={(title) => set({ title })}
        error={err('title')}
        required
        maxLength={200}
      />
      <TextField
        id="proposal-description"
        kind="textarea"
        rows={5}
        label={t('dialogue.proposal.description')}
        hint={t('dialogue.proposal.descriptionHint')}
        value={values.description}
        onChange={(description) => set({ description })}
        error={err('description')}
        required
      />
      <TextField
        id="proposal-whoActs"
        kind="textarea"
        label={t('dialogue.proposal.whoActs')}
        value={values.whoActs}
        onChange={(whoActs) => set({ whoActs })}
        error={err('whoActs')}
      />
      <TextField
        id="proposal-needs"
        kind="textarea"
        label={t('dialogue.proposal.needs')}
        hint={t('dialogue.proposal.needsHint')}
        value={values.needs}
        onChange={(needs) => set({ needs })}
        error={err('needs')}
      />
      <CheckboxGroup
        id="proposal-modes"
        legend={t('dialogue.proposal.modes')}
        options={partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
        selected={values.modes}
        onChange={(modes) => set({ modes })}
        error={err('modes')}
      />
      <OnBehalfChoice
        id="proposal-behalf"
        organisation={organisation}
        value={values.onBehalfOfOrganisation}
        onChange={(onBehalfOfOrganisation) => set({ onBehalfOfOrganisation })}
      />
      <FormEnd action={action} label={t('dialogue.proposal.submit')} />
    </form>
  );
}
