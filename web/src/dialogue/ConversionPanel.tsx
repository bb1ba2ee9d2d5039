import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { dialogueRoutes as api, conversionKinds, type ProposalDetail } from '../../../src/modules/dialogue/contract';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { TextField } from '../ui/TextField';
import { FormEnd, useAction } from './parts';

type Kind = (typeof conversionKinds)[number];
interface Carrier {
  key: number;
  actor: ActorChoice;
}

/** Staff turn an accepted proposal into a flagship project (carried by associations) or an alliance. */
export function ConversionPanel({ proposal: p }: { proposal: ProposalDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(formRef);
  const [kind, setKind] = useState<Kind>('project');
  const [title, setTitle] = useState(p.title);
  const [carriers, setCarriers] = useState<Carrier[]>([{ key: 0, actor: { id: null, text: '' } }]);
  const setCarrier = (key: number, actor: ActorChoice) =>
    setCarriers((list) => list.map((c) => (c.key === key ? { ...c, actor } : c)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let target = '';
    const carrierIds = kind === 'project' ? carriers.flatMap((c) => (c.actor.id ? [c.actor.id] : [])) : [];
    const ok = await action.run(async () => {
      const result = await callApi(api.convert, { params: { id: p.id }, body: { kind, title, carrierIds } });
      target = result.project
        ? `/projets/${result.project.id}`
        : result.alliance
          ? `/alliances/${result.alliance.id}`
          : '';
    }, '');
    if (ok && target) navigate(target);
  };

  return (
    <section aria-labelledby="convert-title" className="card dialogue-panel">
      <h2 id="convert-title">{t('dialogue.convert.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <fieldset className="dialogue-radios" id="kind">
          <legend>{t('dialogue.convert.kind')}</legend>
          {conversionKinds.map((k) => (
            <label key={k}>
              <input type="radio" name="convert-kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
              {t(`dialogue.convert.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          id="title"
          label={t('dialogue.convert.name')}
          hint={t('dialogue.convert.nameHint')}
          value={title}
          onChange={setTitle}
          error={action.fieldError('title')}
        />
        {kind === 'project' ? (
          <fieldset className="form-section" id="carrierIds">
            <legend>{t('dialogue.convert.carriers')}</legend>
            <p className="hint">{t('dialogue.convert.carriersHint')}</p>
            {action.fieldError('carrierIds') ? <p className="field-error">{action.fieldError('carrierIds')}</p> : null}
            <ol className="dialogue-carriers">
              {carriers.map((c, i) => (
                <li key={c.key}>
                  <ActorPicker
                    id={`carrier-${c.key}`}
                    label={t('dialogue.convert.carrier', { n: i + 1 })}
                    families={['association']}
                    value={c.actor}
                    onChange={(actor) => setCarrier(c.key, actor)}
                    error={action.fieldError(`carrierIds.${i}`)}
                  />
                  {carriers.length > 1 ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => setCarriers((list) => list.filter((x) => x.key !== c.key))}
                    >
                      {t('dialogue.convert.removeCarrier', { n: i + 1 })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setCarriers((list) => [
                  ...list,
                  { key: Math.max(...list.map((x) => x.key)) + 1, actor: { id: null, text: '' } },
                ])
              }
            >
              {t('dialogue.convert.addCarrier')}
            </button>
          </fieldset>
        ) : (
          <p className="hint">{t('dialogue.convert.allianceHint')}</p>
        )}
        <FormEnd action={action} label={t('dialogue.convert.submit')} />
      </form>
    </section>
  );
}
